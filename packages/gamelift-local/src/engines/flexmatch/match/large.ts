/**
 * The balanced strategy for large matches (up to 200 players): batch tickets by the batchDistance
 * key and location, fill a match from the anchor's nearest neighbours in one linear sweep, then
 * balance the teams. Only batchDistance and latency (maxLatency) rules apply.
 */
import type { EvalTeam, MatchView } from "../expressions/context.js";
import { levelOf } from "../expansions.js";
import { playerValue } from "../expressions/evaluate.js";
import { latencyLocations } from "../rules/latency.js";
import { balanceTeams } from "./balance.js";
import type { Compiled, Level } from "./compile.js";
import { PoolIndex } from "./PoolIndex.js";
import { primaryKeyAttribute, type Entry } from "./prepare.js";

/** A finished large match. */
export interface LargeMatch {
  match: MatchView;
  entries: Entry[];
  locations?: string[];
  metrics: Map<string, { passed: number; failed: number }>;
}

/** The ticket's lowest-latency acceptable location (fastestRegion batching). */
const fastest = (e: Entry): string | undefined => {
  let best: string | undefined;
  let bestAvg = Infinity;
  for (const loc of [...(e.locations ?? [])].sort()) {
    const ls = e.eval.players.map((p) => p.latencyInMs?.[loc] ?? Infinity);
    const avg = ls.reduce((a, b) => a + b, 0) / ls.length;
    if (avg < bestAvg) {
      bestAvg = avg;
      best = loc;
    }
  }
  return best;
};

/** Numeric batch values of a ticket's players (party-aggregated per rule). */
const batchSpan = (level: Level, e: Entry): { attr: string; max: number; v: number }[] =>
  level.batch
    .filter((r) => r.maxDistance !== undefined)
    .map((r) => {
      const v = e.eval.players[0] ? playerValue(e.eval.players[0], r.batchAttribute, r.partyAggregation) : undefined;
      return { attr: r.batchAttribute, max: r.maxDistance ?? Infinity, v: typeof v === "number" ? v : NaN };
    });

/**
 * Finds large matches. Complexity: O(n log n) sort plus O(n + m·S) sweeps, S ≤ a constant
 * multiple of the match size, plus balancing per match.
 */
export function matchLarge(compiled: Compiled, entries: readonly Entry[], maxMatches: number): LargeMatch[] {
  const base = compiled.levels[0] as Level;
  const algorithm = base.ruleSet.algorithm;
  const oldest = algorithm.expansionAgeSelection === "oldest";
  const keyAttr = primaryKeyAttribute(base.ruleSet);
  const regionOf = (e: Entry): string => (algorithm.batchingPreference === "fastestRegion" ? (fastest(e) ?? "") : "");
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.fixedTeams) continue; // backfill of large matches is not batched here
    const g = `${e.partition}\u0001${regionOf(e)}`;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  const indexes = new Map<string, PoolIndex>([...groups].map(([g, list]) => [g, new PoolIndex(list)]));
  // largestPopulation: the anchor plays where most still-waiting tickets can play.
  const population = new Map<string, number>();
  for (const e of entries) for (const l of e.locations ?? []) population.set(l, (population.get(l) ?? 0) + 1);
  const used = new Uint8Array(entries.length);
  const out: LargeMatch[] = [];
  const maxTotal = Math.max(...compiled.levels.map((l) => l.maxPlayers));
  for (const anchor of entries) {
    if (out.length >= maxMatches) break;
    if (used[anchor.order] || anchor.fixedTeams) continue;
    const index = indexes.get(`${anchor.partition}\u0001${regionOf(anchor)}`);
    if (!index) continue;
    let location: string | undefined;
    if (anchor.locations) {
      location = algorithm.batchingPreference === "fastestRegion"
        ? fastest(anchor)
        : [...anchor.locations].sort((a, b) => (population.get(b) ?? 0) - (population.get(a) ?? 0) || (a < b ? -1 : 1))[0];
    }
    let minAge = anchor.ageSeconds;
    let maxAge = anchor.ageSeconds;
    const levelFor = (lo: number, hi: number): Level =>
      compiled.levels[levelOf(compiled.thresholds, oldest ? hi : lo)] as Level;
    const spans = batchSpan(base, anchor).map((s) => ({ ...s, lo: s.v, hi: s.v }));
    let players = anchor.size;
    const taken = index.neighbours(anchor, maxTotal, maxTotal * 8 + 64, Infinity, (e) => {
      if (players >= levelFor(minAge, maxAge).maxPlayers) return "stop";
      if (used[e.order] || (location !== undefined && !e.locations?.has(location))) return "skip";
      const lo = Math.min(minAge, e.ageSeconds);
      const hi = Math.max(maxAge, e.ageSeconds);
      const level = levelFor(lo, hi);
      if (players + e.size > level.maxPlayers) return "skip";
      const mine = batchSpan(level, e);
      for (const s of spans) {
        const v = mine.find((m) => m.attr === s.attr);
        const limit = level.batch.find((r) => r.batchAttribute === s.attr)?.maxDistance ?? Infinity;
        if (v && (Math.max(s.hi, v.v) - Math.min(s.lo, v.v) > limit)) {
          // Keys are scanned nearest first: once the primary key is out of reach, stop.
          return s.attr === keyAttr && Math.abs(v.v - s.v) > limit ? "stop" : "skip";
        }
      }
      for (const s of spans) {
        const v = mine.find((m) => m.attr === s.attr);
        if (v) {
          s.lo = Math.min(s.lo, v.v);
          s.hi = Math.max(s.hi, v.v);
        }
      }
      minAge = lo;
      maxAge = hi;
      players += e.size;
      return "take";
    });
    const level = levelFor(minAge, maxAge);
    const chosen = [anchor, ...taken];
    if (players < level.minPlayers) continue;
    const assign = balanceTeams(level.teams, chosen, algorithm.balancedAttribute);
    if (!assign) continue;
    const teams: EvalTeam[] = level.teams.map((t) => ({ name: t.name, base: t.base, players: [] }));
    chosen.forEach((e, k) => teams[assign[k] ?? 0]?.players.push(...e.eval.players));
    if (level.teams.some((t, i) => (teams[i]?.players.length ?? 0) < t.minPlayers)) continue;
    const match: MatchView = { teams };
    let locations = location === undefined ? undefined : [location];
    for (const r of level.latency) locations = latencyLocations(r, match, locations ?? []);
    if (level.latency.length > 0 && (locations?.length ?? 0) === 0) continue;
    const metrics = new Map(level.deciding.map((r) => [r.name, { passed: 1, failed: 0 }]));
    for (const e of chosen) {
      used[e.order] = 1;
      index.remove(e);
      for (const l of e.locations ?? []) population.set(l, (population.get(l) ?? 1) - 1);
    }
    const result: LargeMatch = { match, entries: chosen, metrics };
    if (locations !== undefined) result.locations = locations;
    out.push(result);
  }
  return out;
}
