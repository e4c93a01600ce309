/** Readers for `measurements` and `referenceValue`, checking names against the rule set. */
import type { Expression } from "../expressions/ast.js";
import { parseExpression } from "../expressions/parse.js";
import type { Measurement, ReferenceValue } from "../types.js";
import { issue, toNumber, type ParseContext } from "./fields.js";

/** Declared names that expressions may reference. */
export interface NameScope {
  attributes: ReadonlyMap<string, string>;
  teams: ReadonlySet<string>;
}

const checkNames = (ctx: ParseContext, e: Expression, where: string, scope: NameScope): void => {
  if (e.kind === "call") checkNames(ctx, e.arg, where, scope);
  if (e.kind !== "path") return;
  if (e.teams !== "*") {
    for (const t of e.teams) if (!scope.teams.has(t)) issue(ctx, where, `unknown team "${t}"`);
  }
  if (e.tail.kind === "attribute" && !scope.attributes.has(e.tail.attribute)) {
    issue(ctx, where, `undeclared player attribute "${e.tail.attribute}"`);
  }
};

/** Parses one expression text, recording syntax and name errors at `where`. */
const readExpression = (ctx: ParseContext, text: string, where: string, scope: NameScope): Expression | undefined => {
  try {
    const e = parseExpression(text);
    checkNames(ctx, e, where, scope);
    return e;
  } catch (err) {
    issue(ctx, where, err instanceof Error ? err.message : String(err));
    return undefined;
  }
};

/** `measurements`: one expression string or a non-empty array of them. */
export const readMeasurements = (
  ctx: ParseContext,
  obj: Record<string, unknown>,
  path: string,
  scope: NameScope,
): Measurement[] => {
  const raw = obj["measurements"];
  const where = `${path}.measurements`;
  if (raw === undefined) {
    issue(ctx, where, `"measurements" is required`);
    return [];
  }
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0) {
    issue(ctx, where, `"measurements" must be an expression string or a non-empty array of them`);
    return [];
  }
  const out: Measurement[] = [];
  list.forEach((text: unknown, i) => {
    const at = typeof raw === "string" ? where : `${where}[${i}]`;
    if (typeof text !== "string") {
      issue(ctx, at, `a measurement must be an expression string`);
      return;
    }
    const expression = readExpression(ctx, text, at, scope);
    if (expression) out.push({ text, expression });
  });
  return out;
};

/**
 * `referenceValue`: a number (or numeric string), a string list, or an expression string. A
 * string that does not parse as an expression is a string literal when `allowString`.
 */
export const readReference = (
  ctx: ParseContext,
  raw: unknown,
  where: string,
  scope: NameScope,
  allowString: boolean,
): ReferenceValue | undefined => {
  if (raw === undefined) return undefined;
  const n = toNumber(raw);
  if (n !== undefined) return { kind: "number", value: n };
  if (Array.isArray(raw)) {
    if (raw.every((x) => typeof x === "string")) return { kind: "stringList", value: raw };
    issue(ctx, where, `a list referenceValue must hold only strings`);
    return undefined;
  }
  if (typeof raw !== "string") {
    issue(ctx, where, `"referenceValue" must be a number, a string, a string list or an expression`);
    return undefined;
  }
  if (/^\s*(teams?\[|[a-z_]+\()/.test(raw)) {
    const expression = readExpression(ctx, raw, where, scope);
    return expression ? { kind: "expression", text: raw, expression } : undefined;
  }
  if (allowString) return { kind: "string", value: raw };
  issue(ctx, where, `"referenceValue" must be a number or a numeric expression`);
  return undefined;
};
