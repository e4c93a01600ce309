/** Parser for compound-rule statements: `and(A, or(B, not(C)))`. */
import type { Statement } from "../types.js";

/**
 * Parses a compound statement. Operators: `and`, `or`, `xor` (two or more arguments) and `not`
 * (exactly one). Leaves are rule names.
 * @returns the tree, or a message describing the first syntax error.
 */
export function parseStatement(text: string): Statement | string {
  let pos = 0;
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos] ?? "")) pos++;
  };
  const node = (): Statement | string => {
    skip();
    const m = /^[^(),\s]+/.exec(text.slice(pos));
    if (!m) return `expected a rule name or operator at offset ${pos}`;
    pos += m[0].length;
    skip();
    if (text[pos] !== "(") return { op: "rule", rule: m[0] };
    const op = m[0];
    if (op !== "and" && op !== "or" && op !== "xor" && op !== "not") return `unknown operator "${op}"`;
    pos++;
    const args: Statement[] = [];
    for (;;) {
      const child = node();
      if (typeof child === "string") return child;
      args.push(child);
      skip();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      if (text[pos] === ")") {
        pos++;
        break;
      }
      return `expected "," or ")" at offset ${pos}`;
    }
    if (op === "not") {
      const [only] = args;
      if (args.length !== 1 || !only) return `not() takes exactly one argument`;
      return { op, args: [only] };
    }
    if (args.length < 2) return `${op}() takes at least two arguments`;
    return { op, args };
  };
  const result = node();
  skip();
  if (typeof result !== "string" && pos !== text.length) return `unexpected text at offset ${pos}`;
  return result;
}

/** Rule names a statement references. */
export function statementRules(s: Statement, out: string[] = []): string[] {
  if (s.op === "rule") out.push(s.rule);
  else for (const a of s.args) statementRules(a, out);
  return out;
}
