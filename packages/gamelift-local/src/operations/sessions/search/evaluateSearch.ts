import { InvalidRequestException } from "../../../errors.js";
import type { FilterNode, SearchOperand, SearchValue, SortSpec } from "./parseSearch.js";

/** What search expressions see of a game session. */
export interface SearchableSession {
  readonly gameSessionName?: string;
  readonly gameSessionId: string;
  readonly maximumSessions: number;
  readonly creationTimeMillis: number;
  readonly playerSessionCount: number;
  readonly hasAvailablePlayerSessions: boolean;
  readonly properties: Readonly<Record<string, string>>;
}

/** The operand's value for a session; `undefined` = null (missing property or name). */
function operandValue(s: SearchableSession, o: SearchOperand): SearchValue | undefined {
  if (o.kind === "property") return o.key.includes(".") ? undefined : s.properties[o.key];
  if (o.kind === "gameSessionName") return s.gameSessionName;
  return s[o.kind];
}

const numeric = new Set(["maximumSessions", "creationTimeMillis", "playerSessionCount"]);

function compare(actual: SearchValue | undefined, op: FilterNode & { type: "cmp" }): boolean {
  const { operand, value } = op;
  if (operand.kind !== "property" && numeric.has(operand.kind) !== (typeof value === "number")) {
    throw new InvalidRequestException(
      `Invalid search expression: ${operand.kind} cannot be compared with ${JSON.stringify(value)}`,
    );
  }
  if (operand.kind === "hasAvailablePlayerSessions" && typeof value !== "boolean") {
    throw new InvalidRequestException(
      "Invalid search expression: hasAvailablePlayerSessions compares with true or false",
    );
  }
  if (!numeric.has(operand.kind) && op.op !== "=" && op.op !== "<>") {
    throw new InvalidRequestException(`Invalid search expression: ${op.op} needs a numeric operand`);
  }
  if (actual === undefined) return false;
  // Property values are strings: a number literal compares with its text.
  const v = typeof actual === "string" && typeof value === "number" ? String(value) : value;
  switch (op.op) {
    case "=":
      return actual === v;
    case "<>":
      return actual !== v;
    case "<":
      return actual < v;
    case ">":
      return actual > v;
    case "<=":
      return actual <= v;
    case ">=":
      return actual >= v;
  }
}

/** Whether a session matches a filter. */
export function matches(s: SearchableSession, node: FilterNode): boolean {
  switch (node.type) {
    case "cmp":
      return compare(operandValue(s, node.operand), node);
    case "not":
      return !matches(s, node.expr);
    case "and":
      return matches(s, node.left) && matches(s, node.right);
    case "or":
      return matches(s, node.left) || matches(s, node.right);
  }
}

/** Sorts sessions by a sort spec; nulls always last. */
export function sortSessions<T extends SearchableSession>(sessions: readonly T[], spec: SortSpec): T[] {
  return [...sessions].sort((a, b) => {
    const x = operandValue(a, spec.operand);
    const y = operandValue(b, spec.operand);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    const d = x < y ? -1 : x > y ? 1 : 0;
    return spec.descending ? -d : d;
  });
}
