/** Property-expression syntax tree (FlexMatch "property expressions"). */

/** The aggregation and list functions of the property-expression language. */
export const EXPRESSION_FUNCTIONS = [
  "min",
  "max",
  "avg",
  "median",
  "sum",
  "stddev",
  "count",
  "flatten",
  "set_intersection",
] as const;

/** One of {@link EXPRESSION_FUNCTIONS}. */
export type ExpressionFunction = (typeof EXPRESSION_FUNCTIONS)[number];

/** What a `teams[...]` path selects after the team selector. */
export type PathTail =
  | { kind: "team" }
  | { kind: "players" }
  | { kind: "playerIds" }
  | { kind: "attribute"; attribute: string };

/**
 * A parsed property expression.
 * `teams` is `"*"` for `teams[*]`; `single` is true for `teams[name]` (one team, not a list).
 */
export type Expression =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "call"; fn: ExpressionFunction; arg: Expression }
  | { kind: "path"; teams: "*" | string[]; single: boolean; tail: PathTail };
