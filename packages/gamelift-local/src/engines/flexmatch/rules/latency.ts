/** `latency` rule: locations where every player's latency is acceptable. */
import type { EvalPlayer, MatchView } from "../expressions/context.js";
import type { LatencyRule, NumberAggregation } from "../types.js";

/** A player's latency to a location after party aggregation; undefined when not reported. */
export function partyLatency(player: EvalPlayer, location: string, agg: NumberAggregation): number | undefined {
  const party = player.ticket.players;
  if (party.length <= 1) return player.latencyInMs?.[location];
  const xs: number[] = [];
  for (const p of party) {
    const l = p.latencyInMs?.[location];
    if (l === undefined) return undefined;
    xs.push(l);
  }
  if (agg === "min") return Math.min(...xs);
  if (agg === "max") return Math.max(...xs);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Locations every player of the match reported a latency for. */
export function commonLocations(match: MatchView): string[] {
  let acc: string[] | undefined;
  for (const t of match.teams) {
    for (const p of t.players) {
      const here = Object.keys(p.latencyInMs ?? {});
      acc = acc === undefined ? here : acc.filter((l) => here.includes(l));
    }
  }
  return acc ?? [];
}

/**
 * The locations at which a latency rule holds for every player: each latency (party-aggregated)
 * is at most `maxLatency`, and within `maxDistance` of the lowest (`distanceReference: min`) or
 * average (`avg`) latency there. A player without latencies fails every location.
 */
export function latencyLocations(rule: LatencyRule, match: MatchView, candidates: readonly string[]): string[] {
  const players = match.teams.flatMap((t) => t.players);
  const out: string[] = [];
  for (const location of candidates) {
    const xs: number[] = [];
    let ok = true;
    for (const p of players) {
      const l = partyLatency(p, location, rule.partyAggregation);
      if (l === undefined || (rule.maxLatency !== undefined && l > rule.maxLatency)) {
        ok = false;
        break;
      }
      xs.push(l);
    }
    if (!ok) continue;
    if (rule.maxDistance !== undefined && xs.length > 0) {
      const ref = rule.distanceReference === "avg" ? xs.reduce((a, b) => a + b, 0) / xs.length : Math.min(...xs);
      if (xs.some((x) => Math.abs(x - ref) > (rule.maxDistance ?? Infinity))) continue;
    }
    out.push(location);
  }
  return out;
}
