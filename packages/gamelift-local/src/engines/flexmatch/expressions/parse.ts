/** Recursive-descent parser for property expressions. */
import { EXPRESSION_FUNCTIONS, type Expression, type ExpressionFunction, type PathTail } from "./ast.js";

/** Thrown by {@link parseExpression}; the caller attaches the rule-set path. */
export class ExpressionSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = "ExpressionSyntaxError";
  }
}

const isFunction = (name: string): name is ExpressionFunction =>
  (EXPRESSION_FUNCTIONS as readonly string[]).includes(name);

/**
 * Parses a property expression such as `avg(flatten(teams[*].players.attributes[skill]))`.
 * Accepts `team[` as a synonym of `teams[`.
 * @throws ExpressionSyntaxError describing the first problem.
 * @example
 * parseExpression("count(teams[red].players)");
 */
export function parseExpression(text: string): Expression {
  const src = text.trim();
  let pos = 0;
  const fail = (msg: string): never => {
    throw new ExpressionSyntaxError(`${msg} at offset ${pos} in "${src}"`);
  };
  const skip = (): void => {
    while (pos < src.length && /\s/.test(src[pos] ?? "")) pos++;
  };
  const eat = (s: string): boolean => {
    skip();
    if (src.startsWith(s, pos)) {
      pos += s.length;
      return true;
    }
    return false;
  };
  const expect = (s: string): void => {
    if (!eat(s)) fail(`expected "${s}"`);
  };
  const ident = (): string => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (!m) return fail("expected a name");
    pos += m[0].length;
    return m[0];
  };
  // Names inside brackets may hold anything but brackets and commas (attribute/team names).
  const bracketName = (): string => {
    skip();
    const m = /^[^[\],]+/.exec(src.slice(pos));
    if (!m) return fail("expected a name inside []");
    pos += m[0].length;
    const name = m[0].trim();
    if (name === "") fail("empty name inside []");
    return name;
  };

  const path = (): Expression => {
    expect("[");
    let teams: "*" | string[];
    let single = false;
    if (eat("*")) teams = "*";
    else {
      teams = [bracketName()];
      while (eat(",")) teams.push(bracketName());
      single = teams.length === 1;
    }
    expect("]");
    let tail: PathTail = { kind: "team" };
    if (eat(".")) {
      const member = ident();
      if (member !== "players") fail(`unknown team member "${member}"`);
      tail = { kind: "players" };
      if (eat("[")) {
        const key = bracketName();
        if (key !== "playerId") fail(`unknown player selector "${key}"`);
        expect("]");
        tail = { kind: "playerIds" };
      } else if (eat(".")) {
        const sub = ident();
        if (sub !== "attributes") fail(`unknown player member "${sub}"`);
        expect("[");
        tail = { kind: "attribute", attribute: bracketName() };
        expect("]");
      }
    }
    return { kind: "path", teams, single, tail };
  };

  const expression = (): Expression => {
    skip();
    const num = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    if (src[pos] === "'" || src[pos] === '"') {
      const quote = src[pos];
      const end = src.indexOf(quote ?? "", pos + 1);
      if (end < 0) fail("unterminated string");
      const value = src.slice(pos + 1, end);
      pos = end + 1;
      return { kind: "string", value };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (!m) return fail("expected an expression");
    const name = m[0];
    pos += name.length;
    if (name === "teams" || name === "team") return path();
    if (!isFunction(name)) return fail(`unknown function or property "${name}"`);
    expect("(");
    const arg = expression();
    expect(")");
    return { kind: "call", fn: name, arg };
  };

  const result = expression();
  skip();
  if (pos !== src.length) fail("unexpected trailing text");
  return result;
}
