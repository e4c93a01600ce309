/** The result shape shared by rule evaluators. */
import { collectNumbers, evaluate } from "../expressions/evaluate.js";
import type { MatchView, PartyAggregation, Value } from "../expressions/context.js";
import type { Measurement, ReferenceValue } from "../types.js";

/** A rule's verdict on a (partial) match; `cost` ranks passing alternatives (lower is better). */
export interface Outcome {
  ok: boolean;
  cost: number;
}

/** A pass with no cost (also: nothing measurable yet). */
export const PASS: Outcome = { ok: true, cost: 0 };

/** Evaluates every measurement and concatenates the results. */
export const measure = (measurements: readonly Measurement[], match: MatchView, agg: PartyAggregation): Value[] =>
  measurements.map((m) => evaluate(m.expression, match, agg));

/** The reference as a single number (`NaN` when an expression has no value yet). */
export const numericReference = (ref: ReferenceValue, match: MatchView, agg: PartyAggregation): number => {
  if (ref.kind === "number") return ref.value;
  if (ref.kind !== "expression") return NaN;
  const xs = collectNumbers(evaluate(ref.expression, match, agg));
  return xs.length === 1 ? (xs[0] as number) : NaN;
};

/** Scalar leaves (numbers and strings) of values, depth-first; `NaN` is skipped. */
export const scalars = (vs: readonly Value[], out: (number | string)[] = []): (number | string)[] => {
  for (const v of vs) {
    if (typeof v === "number") {
      if (!Number.isNaN(v)) out.push(v);
    } else if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) scalars(v, out);
  }
  return out;
};
