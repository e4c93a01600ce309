/**
 * The balanced strategy for large matches (up to 200 players): batch tickets by the
 * batchDistance key and location, fill a match from the anchor's nearest neighbours in one
 * linear sweep, then balance the teams. Only batchDistance and latency (maxLatency) rules apply.
 */
import type { EvalTeam, MatchView } from "../expressions/context.js";
import { playerValue } from "../expressions/evaluate.js";
import { levelOf } from "../expansions.js";
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
    let sum = 0;
    for (const p of e.players) sum += p.latencyInMs?.[loc] ?? Infinity;
    if (sum / e.size < bestAvg) {
      bestAvg = sum / e.size;
      best = loc;
    }
  }
  return best;
};

/** Per numeric batchDistance attribute: the lowest and highest party-aggregated value of a ticket. */
const batchValues = (level: Level, e: Entry): Map<string, [number, number]> => {
  const out = new Map<string, [number, number]>();
  for (const r of level.batch) {
    if (r.maxDistance === undefined) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of e.players) {
      const v = playerValue(p, r.batchAttribute, r.partyAggregation);
      if (typeof v === "number") {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo <= hi) out.set(r.batchAttribute, [lo, hi]);
  }
  return out;
};

/** Anchor order: backfill first (large matches favour backfill) unless backfillPriority is low. */
const anchors = (entries: readonly Entry[], priority: string): Entry[] => {
  const backfill = entries.filter((e) => e.fixedTeams);
  const fresh = entries.filter((e) => !e.fixedTeams);
  return priority === "low" ? [...fresh, ...backfill] : [...backfill, ...fresh];
};

/**
 * Finds large matches. Complexity: O(n log n) to sort, then per anchor one neighbour sweep of at
 * most 8·maxPlayers + 64 entries and an O(k·T) balance: O(n log n + n·P) overall for P ≤ 200.
 */
export function matchLarge(
  compiled: Compiled,
  entries: readonly Entry[],
  maxMatches: number,
  onMatch: (match: LargeMatch) => void,
): void {
  const base = compiled.levels[0] as Level;
  const algorithm = base.ruleSet.algorithm;
  const oldest = algorithm.expansionAgeSelection === "oldest";
  const keyAttr = primaryKeyAttribute(base.ruleSet);
  const region = new Map(entries.map((e) => [e, algorithm.batchingPreference === "fastestRegion" ? (fastest(e) ?? "") : ""]));
  const groupOf = (e: Entry): string => `${e.partition}\u0001${region.get(e) ?? ""}`;
  const groups = new Map<string, Entry[]>();
  for (const e of entries) groups.set(groupOf(e), [...(groups.get(groupOf(e)) ?? []), e]);
  const indexes = new Map([...groups].map(([g, list]) => [g, new PoolIndex(list)]));
  // largestPopulation: a match plays where most still-waiting tickets can play.
  const population = new Map<string, number>();
  for (const e of entries) for (const l of e.locations ?? []) population.set(l, (population.get(l) ?? 0) + 1);
  const used = new Uint8Array(entries.length);
  let made = 0;
  const levelFor = (lo: number, hi: number): Level => compiled.levels[levelOf(compiled.thresholds, oldest ? hi : lo)] as Level;
  for (const anchor of anchors(entries, algorithm.backfillPriority)) {
    if (made >= maxMatches) break;
    if (used[anchor.order]) continue;
    const index = indexes.get(groupOf(anchor));
    if (!index) continue;
    const location = !anchor.locations
      ? undefined
      : algorithm.batchingPreference === "fastestRegion"
        ? region.get(anchor)
        : [...anchor.locations].sort((a, b) => (population.get(b) ?? 0) - (population.get(a) ?? 0) || (a < b ? -1 : 1))[0];
    let minAge = anchor.ageSeconds;
    let maxAge = anchor.ageSeconds;
    const spans = batchValues(base, anchor);
    let players = anchor.size;
    const maxTotal = Math.max(...compiled.levels.map((l) => l.maxPlayers));
    const taken = index.neighbours(anchor, maxTotal, maxTotal * 8 + 64, Infinity, (e) => {
      if (players >= levelFor(minAge, maxAge).maxPlayers) return "stop";
      if (used[e.order] || e.fixedTeams || (location !== undefined && !e.locations?.has(location))) return "skip";
      const lo = Math.min(minAge, e.ageSeconds);
      const hi = Math.max(maxAge, e.ageSeconds);
      const level = levelFor(lo, hi);
      if (players + e.size > level.maxPlayers) return "skip";
      const mine = batchValues(level, e);
      for (const [attr, [vlo, vhi]] of mine) {
        const span = spans.get(attr);
        const limit = level.batch.find((r) => r.batchAttribute === attr)?.maxDistance ?? Infinity;
        if (span && Math.max(span[1], vhi) - Math.min(span[0], vlo) > limit) {
          // Neighbours come nearest-key first: once the key itself is out of reach, nothing later fits.
          return attr === keyAttr && Math.abs(vlo - anchor.key) > limit ? "stop" : "skip";
        }
      }
      for (const [attr, [vlo, vhi]] of mine) {
        const span = spans.get(attr);
        spans.set(attr, span ? [Math.min(span[0], vlo), Math.max(span[1], vhi)] : [vlo, vhi]);
      }
      minAge = lo;
      maxAge = hi;
      players += e.size;
      return "take";
    });
    const level = levelFor(minAge, maxAge);
    if (players < level.minPlayers || (anchor.fixedTeams && taken.length === 0)) continue;
    const teams: EvalTeam[] = level.teams.map((t) => ({ name: t.name, base: t.base, players: [] }));
    let prefill: { counts: number[]; sums: number[] } | undefined;
    if (anchor.fixedTeams) {
      anchor.players.forEach((p, k) => teams.find((t) => t.name === anchor.fixedTeams?.[k])?.players.push(p));
      const attr = algorithm.balancedAttribute;
      prefill = {
        counts: teams.map((t) => t.players.length),
        sums: teams.map((t) => t.players.reduce((s, p) => s + Number(attr ? playerValue(p, attr, "avg") ?? 0 : 0), 0)),
      };
    }
    const fresh = anchor.fixedTeams ? taken : [anchor, ...taken];
    const assign = balanceTeams(level.teams, fresh, algorithm.balancedAttribute, prefill);
    if (!assign) continue;
    fresh.forEach((e, k) => teams[assign[k] ?? 0]?.players.push(...e.players));
    if (level.teams.some((t, i) => (teams[i]?.players.length ?? 0) < t.minPlayers || (teams[i]?.players.length ?? 0) > t.maxPlayers)) continue;
    const match: MatchView = { teams };
    let locations = location === undefined ? undefined : [location];
    for (const r of level.latency) locations = latencyLocations(r, match, locations ?? []);
    if (level.latency.length > 0 && (locations?.length ?? 0) === 0) continue;
    const chosen = [anchor, ...taken];
    for (const e of chosen) {
      used[e.order] = 1;
      index.remove(e);
      for (const l of e.locations ?? []) population.set(l, (population.get(l) ?? 1) - 1);
    }
    const result: LargeMatch = { match, entries: chosen, metrics: new Map(level.deciding.map((r) => [r.name, { passed: 1, failed: 0 }])) };
    if (locations !== undefined) result.locations = locations;
    made++;
    onMatch(result);
  }
}
