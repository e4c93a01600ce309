/**
 * Team assignment for large matches: fill order per the FlexMatch docs (teams below minPlayers
 * first, then the most open slots), then even the teams on `balancedAttribute`.
 */
import { playerValue } from "../expressions/evaluate.js";
import type { SlotTeam } from "./compile.js";
import type { Entry } from "./prepare.js";

/** How many players each team gets for `total` players, slot by slot as FlexMatch fills them. */
export function targetCounts(teams: readonly SlotTeam[], total: number): number[] {
  const counts = teams.map(() => 0);
  for (let n = 0; n < total; n++) {
    let pick = -1;
    let pickBelowMin = false;
    let pickOpen = -1;
    teams.forEach((t, i) => {
      const have = counts[i] ?? 0;
      const open = t.maxPlayers - have;
      if (open <= 0) return;
      const belowMin = have < t.minPlayers;
      if (pick < 0 || (belowMin && !pickBelowMin) || (belowMin === pickBelowMin && open > pickOpen)) {
        pick = i;
        pickBelowMin = belowMin;
        pickOpen = open;
      }
    });
    if (pick < 0) break;
    counts[pick] = (counts[pick] ?? 0) + 1;
  }
  return counts;
}

/** A ticket's per-player value of the balanced attribute (party average), 0 when absent. */
const ticketValue = (e: Entry, attribute: string | undefined): number => {
  const p = e.players[0];
  if (!attribute || !p) return 0;
  const v = playerValue(p, attribute, "avg");
  return typeof v === "number" ? v : 0;
};

/**
 * Assigns tickets to teams (`prefill`: players already seated, for backfill). Parties are placed
 * first (largest first), each ticket into the team
 * with room whose running sum of the balanced attribute per target slot is lowest; then single
 * players are swapped between teams while that narrows the spread of team averages.
 * Cost: O(k·T) for the greedy pass plus at most `swapBudget` O(1) swap trials.
 * @returns team index per entry (same order as `entries`), or undefined when they do not fit.
 */
export function balanceTeams(
  teams: readonly SlotTeam[],
  entries: readonly Entry[],
  attribute: string | undefined,
  prefill?: { counts: number[]; sums: number[] },
  swapBudget = 4000,
): number[] | undefined {
  const counts = prefill ? [...prefill.counts] : teams.map(() => 0);
  const sums = prefill ? [...prefill.sums] : teams.map(() => 0);
  const total = entries.reduce((s, e) => s + e.size, 0) + counts.reduce((a, b) => a + b, 0);
  const target = targetCounts(teams, total);
  const values = entries.map((e) => ticketValue(e, attribute));
  const assign = new Array<number>(entries.length).fill(-1);
  const order = entries
    .map((_, i) => i)
    .sort((a, b) => (entries[b]?.size ?? 0) - (entries[a]?.size ?? 0) || (values[b] ?? 0) - (values[a] ?? 0));
  for (const k of order) {
    const e = entries[k] as Entry;
    let best = -1;
    let bestScore = Infinity;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      teams.forEach((t, i) => {
        const cap = pass === 0 ? (target[i] ?? 0) : t.maxPlayers;
        if ((counts[i] ?? 0) + e.size > cap) return;
        const score = (sums[i] ?? 0) / Math.max(1, target[i] ?? 1);
        if (score < bestScore) {
          bestScore = score;
          best = i;
        }
      });
    }
    if (best < 0) return undefined;
    assign[k] = best;
    sums[best] = (sums[best] ?? 0) + (values[k] ?? 0) * e.size;
    counts[best] = (counts[best] ?? 0) + e.size;
  }
  if (!attribute) return assign;
  const spread = (): number => {
    let lo = Infinity;
    let hi = -Infinity;
    teams.forEach((_, i) => {
      if ((counts[i] ?? 0) === 0) return;
      const avg = (sums[i] ?? 0) / (counts[i] ?? 1);
      lo = Math.min(lo, avg);
      hi = Math.max(hi, avg);
    });
    return hi >= lo ? hi - lo : 0;
  };
  let current = spread();
  let improved = true;
  while (improved && swapBudget > 0 && current > 0) {
    improved = false;
    for (let a = 0; a < entries.length && swapBudget > 0; a++) {
      for (let b = a + 1; b < entries.length && swapBudget > 0; b++) {
        const ta = assign[a] ?? -1;
        const tb = assign[b] ?? -1;
        if (ta === tb || entries[a]?.size !== entries[b]?.size) continue;
        swapBudget--;
        const size = entries[a]?.size ?? 1;
        const delta = ((values[b] ?? 0) - (values[a] ?? 0)) * size;
        sums[ta] = (sums[ta] ?? 0) + delta;
        sums[tb] = (sums[tb] ?? 0) - delta;
        const next = spread();
        if (next < current - 1e-9) {
          assign[a] = tb;
          assign[b] = ta;
          current = next;
          improved = true;
        } else {
          sums[ta] = (sums[ta] ?? 0) - delta;
          sums[tb] = (sums[tb] ?? 0) + delta;
        }
      }
    }
  }
  return assign;
}
