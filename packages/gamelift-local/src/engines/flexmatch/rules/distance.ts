/** `distance` rule: every measured number lies within [minDistance, maxDistance] of the reference. */
import { collectNumbers } from "../expressions/evaluate.js";
import type { MatchView } from "../expressions/context.js";
import type { DistanceRule } from "../types.js";
import { measure, numericReference, PASS, type Outcome } from "./outcome.js";

/**
 * Evaluates a distance rule. Values not yet measurable on a partial match (an empty team's
 * average) are skipped. Without a referenceValue the spread (max − min) of the values is measured.
 */
export function checkDistance(rule: DistanceRule, match: MatchView): Outcome {
  const values: number[] = [];
  for (const v of measure(rule.measurements, match, rule.partyAggregation)) collectNumbers(v, values);
  if (values.length === 0) return PASS;
  const lo = rule.minDistance ?? 0;
  const hi = rule.maxDistance ?? Infinity;
  if (!rule.referenceValue) {
    const spread = Math.max(...values) - Math.min(...values);
    // A single value has no spread yet: a lower bound cannot fail before a second value arrives.
    const ok = spread <= hi && (values.length < 2 || spread >= lo);
    return { ok, cost: spread };
  }
  const ref = numericReference(rule.referenceValue, match, rule.partyAggregation);
  if (Number.isNaN(ref)) return PASS;
  let ok = true;
  let cost = 0;
  for (const v of values) {
    const d = Math.abs(v - ref);
    if (d > hi || d < lo) ok = false;
    cost += d;
  }
  return { ok, cost };
}
