/** `absoluteSort` / `distanceSort` rules: they never reject, they order an anchor's candidates. */
import { attributeValue, playerValue } from "../expressions/evaluate.js";
import type { EvalPlayer } from "../expressions/context.js";
import type { SortRule } from "../types.js";
import type { Level } from "./compile.js";
import type { Entry } from "./prepare.js";

/** A ticket's sort value: the party-aggregated number, or for a map the anchor's min/max key's value. */
function sortValue(rule: SortRule, player: EvalPlayer | undefined, anchorMapKey: string | undefined): number {
  if (!player) return NaN;
  if (rule.mapKey) {
    const v = attributeValue(player.attributes[rule.sortAttribute]);
    if (typeof v !== "object" || Array.isArray(v) || anchorMapKey === undefined) return NaN;
    return v.map[anchorMapKey] ?? NaN;
  }
  const v = playerValue(player, rule.sortAttribute, rule.partyAggregation);
  return typeof v === "number" ? v : NaN;
}

/** For a map-valued sort attribute: the anchor's key with the lowest (`minValue`) or highest value. */
function anchorMapKey(rule: SortRule, anchor: Entry): string | undefined {
  if (!rule.mapKey) return undefined;
  const v = attributeValue(anchor.players[0]?.attributes[rule.sortAttribute]);
  if (typeof v !== "object" || Array.isArray(v)) return undefined;
  let best: string | undefined;
  for (const [k, x] of Object.entries(v.map)) {
    const cur = best === undefined ? undefined : v.map[best];
    if (cur === undefined || (rule.mapKey === "minValue" ? x < cur : x > cur)) best = k;
  }
  return best;
}

/**
 * Orders candidates by the level's sort rules, in rule order, keeping nearest-first as the final
 * tie-break. `absoluteSort` orders by the value itself (ascending or descending); `distanceSort`
 * by the distance from the anchor's value (ascending = nearest first).
 */
export function orderCandidates(level: Level, anchor: Entry, candidates: Entry[]): Entry[] {
  if (level.sorts.length === 0) return candidates;
  const keys = level.sorts.map((rule) => {
    const mk = anchorMapKey(rule, anchor);
    const anchorValue = sortValue(rule, anchor.players[0], mk);
    const sign = rule.sortDirection === "descending" ? -1 : 1;
    return new Map(
      candidates.map((c) => {
        const v = sortValue(rule, c.players[0], mk);
        const k = rule.type === "distanceSort" ? Math.abs(v - anchorValue) : v;
        return [c, Number.isNaN(k) ? Infinity : sign * k];
      }),
    );
  });
  const rank = new Map(candidates.map((c, i) => [c, i]));
  return [...candidates].sort((a, b) => {
    for (const m of keys) {
      const d = (m.get(a) ?? 0) - (m.get(b) ?? 0);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  });
}
