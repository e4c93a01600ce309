/** `batchDistance` rule: numbers within maxDistance of each other, strings all equal. */
import { playerValue } from "../expressions/evaluate.js";
import type { MatchView } from "../expressions/context.js";
import type { BatchDistanceRule } from "../types.js";
import type { Outcome } from "./outcome.js";

/**
 * Evaluates a batchDistance rule over every player's party-aggregated `batchAttribute`, writing
 * the outcome into `out` (the matcher's hottest check allocates nothing).
 */
export function checkBatchDistance(rule: BatchDistanceRule, match: MatchView, out: Outcome): Outcome {
  let lo = Infinity;
  let hi = -Infinity;
  let first: string | undefined;
  let mismatched = 0;
  for (const t of match.teams) {
    for (const p of t.players) {
      const v = playerValue(p, rule.batchAttribute, rule.partyAggregation);
      if (typeof v === "number") {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      } else if (typeof v === "string") {
        if (first === undefined) first = v;
        else if (v !== first) mismatched++;
      }
    }
  }
  const spread = hi >= lo ? hi - lo : 0;
  out.ok = mismatched === 0 && spread <= (rule.maxDistance ?? Infinity);
  out.cost = spread + mismatched;
  return out;
}
