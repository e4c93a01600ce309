import { InvalidRequestException } from "../../../errors.js";

/** Operands SearchGameSessions understands (a property operand keeps its key). */
export type SearchOperand =
  | {
      kind:
        | "gameSessionName"
        | "gameSessionId"
        | "maximumSessions"
        | "creationTimeMillis"
        | "playerSessionCount"
        | "hasAvailablePlayerSessions";
    }
  | { kind: "property"; key: string };

/** A literal value in an expression. */
export type SearchValue = string | number | boolean;

/** Comparators of the filter language. */
type Comparator = "=" | "<>" | "<" | ">" | "<=" | ">=";

/** A parsed filter expression. */
export type FilterNode =
  | { type: "cmp"; operand: SearchOperand; op: Comparator; value: SearchValue }
  | { type: "not"; expr: FilterNode }
  | { type: "and" | "or"; left: FilterNode; right: FilterNode };

/** A parsed sort expression. */
export interface SortSpec {
  readonly operand: SearchOperand;
  readonly descending: boolean;
}

type Token =
  | { t: "word"; v: string }
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "op"; v: Comparator }
  | { t: "(" | ")" };

const fail = (why: string): never => {
  throw new InvalidRequestException(`Invalid search expression: ${why}`);
};

/** Splits an expression into words, numbers, quoted strings (either quote, backslash escapes), comparators and parentheses. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")") {
      out.push({ t: c });
      i++;
    } else if (c === "'" || c === '"') {
      let v = "";
      i++;
      while (i < text.length && text.charAt(i) !== c) {
        if (text.charAt(i) === "\\") i++;
        v += text.charAt(i++);
      }
      if (i >= text.length) fail("unterminated string");
      i++;
      out.push({ t: "str", v });
    } else if ("<>=!".includes(c)) {
      const two = text.slice(i, i + 2);
      const op = ["<>", "<=", ">="].includes(two)
        ? two
        : two === "!="
          ? "<>"
          : c === "!"
            ? fail("unknown comparator !")
            : c;
      out.push({ t: "op", v: op as Comparator });
      i += op === c ? 1 : 2;
    } else {
      const m = /^-?\d+(\.\d+)?(?![\w.])/.exec(text.slice(i)) ?? /^[A-Za-z_][\w.-]*/.exec(text.slice(i));
      if (!m) return fail(`unexpected character ${c}`);
      out.push(/^-?\d/.test(m[0]) ? { t: "num", v: Number(m[0]) } : { t: "word", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Reads an operand name. */
function parseOperand(word: string): SearchOperand {
  if (word.startsWith("gameSessionProperties."))
    return { kind: "property", key: word.slice("gameSessionProperties.".length) };
  const known = [
    "gameSessionName",
    "gameSessionId",
    "maximumSessions",
    "creationTimeMillis",
    "playerSessionCount",
    "hasAvailablePlayerSessions",
  ] as const;
  const kind = known.find((k) => k === word);
  return kind ? { kind } : fail(`unknown operand ${word}`);
}

/** Parses a FilterExpression. Precedence: comparisons, parentheses, NOT, AND, OR; left to right. */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peekWord = (w: string): boolean => {
    const t = tokens[pos];
    return t?.t === "word" && t.v.toUpperCase() === w;
  };
  const or = (): FilterNode => {
    let left = and();
    while (peekWord("OR")) {
      pos++;
      left = { type: "or", left, right: and() };
    }
    return left;
  };
  const and = (): FilterNode => {
    let left = not();
    while (peekWord("AND")) {
      pos++;
      left = { type: "and", left, right: not() };
    }
    return left;
  };
  const not = (): FilterNode => {
    if (!peekWord("NOT")) return primary();
    pos++;
    return { type: "not", expr: not() };
  };
  const primary = (): FilterNode => {
    const t = tokens[pos++];
    if (t?.t === "(") {
      const inner = or();
      if (tokens[pos++]?.t !== ")") fail("missing )");
      return inner;
    }
    if (t?.t !== "word") return fail("expected an operand");
    const operand = parseOperand(t.v);
    const op = tokens[pos++];
    if (op?.t !== "op") return fail(`expected a comparator after ${t.v}`);
    const v = tokens[pos++];
    let value: SearchValue;
    if (v?.t === "str" || v?.t === "num") value = v.v;
    else if (v?.t === "word" && /^(true|false)$/i.test(v.v)) value = v.v.toLowerCase() === "true";
    else return fail(`expected a value after ${t.v} ${op.v}`);
    return { type: "cmp", operand, op: op.v, value };
  };
  const tree = or();
  if (pos !== tokens.length) fail("unexpected trailing input");
  return tree;
}

/** Parses a SortExpression: `<operand> ASC|DESC`. */
export function parseSort(text: string): SortSpec {
  const tokens = tokenize(text);
  const [operand, dir, extra] = tokens;
  if (operand?.t !== "word" || dir?.t !== "word" || extra || !/^(ASC|DESC)$/i.test(dir.v)) {
    return fail("a sort expression is <operand> ASC|DESC");
  }
  return { operand: parseOperand(operand.v), descending: dir.v.toUpperCase() === "DESC" };
}
