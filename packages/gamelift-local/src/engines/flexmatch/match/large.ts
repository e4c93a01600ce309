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
import { type Compiled, type Level, primaryKeyAttribute } from "./compile.js";
import { PoolIndex } from "./PoolIndex.js";
import type { Entry } from "./prepare.js";
import { RuleCounts } from "./RuleCounts.js";

/** A finished large match. */
export interface LargeMatch {
  match: MatchView;
  entries: Entry[];
  locations?: string[];
  metrics: RuleCounts;
}

/** The ticket's acceptable locations, lowest (party-average) latency first; ties by name. */
const byLatency = (e: Entry): string[] => {
  const avg = (loc: string): number => {
    let sum = 0;
    for (const p of e.players) sum += p.latencyInMs?.[loc] ?? Infinity;
    return sum / e.size;
  };
  return [...(e.locations ?? [])].sort((a, b) => avg(a) - avg(b) || (a < b ? -1 : a > b ? 1 : 0));
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
 * Finds large matches. Complexity: O(n log n) to sort, then per anchor at most L + 1 neighbour
 * sweeps (L = the anchor's acceptable locations) of at most 8·maxPlayers + 64 entries each and an
 * O(k·T) balance: O(n log n + n·L·P) overall for P ≤ 200.
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
  const fastestRegion = algorithm.batchingPreference === "fastestRegion";
  // Each ticket's acceptable locations, fastest first (fastestRegion batching only).
  const preference = new Map(fastestRegion ? entries.map((e) => [e, byLatency(e)]) : []);
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = groups.get(e.partition);
    if (list) list.push(e);
    else groups.set(e.partition, [e]);
  }
  const indexes = new Map([...groups].map(([g, list]) => [g, new PoolIndex(list)]));
  // largestPopulation: a match plays where most still-waiting tickets can play.
  const population = new Map<string, number>();
  for (const e of entries) for (const l of e.locations ?? []) population.set(l, (population.get(l) ?? 0) + 1);
  const used = new Uint8Array(entries.length);
  let made = 0;
  const levelFor = (lo: number, hi: number): Level =>
    compiled.levels[levelOf(compiled.thresholds, oldest ? hi : lo)] as Level;
  const maxTotal = Math.max(...compiled.levels.map((l) => l.maxPlayers));

  /**
   * One sweep of the anchor's nearest neighbours (by balancedAttribute) for a match played at
   * `location`. `fastestOnly`: only tickets whose own fastest location it is.
   */
  const gather = (index: PoolIndex, anchor: Entry, location: string | undefined, fastestOnly: boolean) => {
    let minAge = anchor.ageSeconds;
    let maxAge = anchor.ageSeconds;
    const spans = batchValues(compiled.levels[0] as Level, anchor);
    let players = anchor.size;
    const taken = index.neighbours(anchor, maxTotal, maxTotal * 8 + 64, Infinity, (e) => {
      if (players >= levelFor(minAge, maxAge).maxPlayers) return "stop";
      if (used[e.order] || e.fixedTeams || (location !== undefined && !e.locations?.has(location))) return "skip";
      if (fastestOnly && preference.get(e)?.[0] !== location) return "skip";
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
    return { taken, minAge, maxAge, players };
  };

  for (const anchor of anchors(entries, algorithm.backfillPriority)) {
    if (made >= maxMatches) break;
    if (used[anchor.order]) continue;
    const index = indexes.get(anchor.partition);
    if (!index) continue;
    // Where the match may play, in order of preference. fastestRegion: the anchor's fastest
    // location first, filled first from players for whom it is the fastest too, then from anyone
    // who can play there, then the anchor's next-fastest ("it may group players based on their
    // second- or third-fastest regions ... to create groups large enough to fill a match").
    // largestPopulation: the anchor's locations by how many waiting tickets can play there.
    const tries: { location: string | undefined; fastestOnly: boolean }[] = !anchor.locations
      ? [{ location: undefined, fastestOnly: false }]
      : fastestRegion
        ? (preference.get(anchor) ?? []).flatMap((location, i) =>
            i === 0
              ? [
                  { location, fastestOnly: true },
                  { location, fastestOnly: false },
                ]
              : [{ location, fastestOnly: false }],
          )
        : [...anchor.locations]
            .sort((a, b) => (population.get(b) ?? 0) - (population.get(a) ?? 0) || (a < b ? -1 : 1))
            .map((location) => ({ location, fastestOnly: false }));
    let found: (ReturnType<typeof gather> & { location: string | undefined }) | undefined;
    for (const t of tries) {
      const g = gather(index, anchor, t.location, t.fastestOnly);
      if (g.players >= levelFor(g.minAge, g.maxAge).minPlayers && !(anchor.fixedTeams && g.taken.length === 0)) {
        found = { ...g, location: t.location };
        break;
      }
    }
    if (!found) continue;
    const { taken, minAge, maxAge, location } = found;
    const level = levelFor(minAge, maxAge);
    const teams: EvalTeam[] = level.teams.map((t) => ({ name: t.name, base: t.base, players: [] }));
    let prefill: { counts: number[]; sums: number[] } | undefined;
    if (anchor.fixedTeams) {
      for (const [k, p] of anchor.players.entries())
        teams.find((t) => t.name === anchor.fixedTeams?.[k])?.players.push(p);
      const attr = algorithm.balancedAttribute;
      prefill = {
        counts: teams.map((t) => t.players.length),
        sums: teams.map((t) =>
          t.players.reduce((s, p) => s + Number(attr ? (playerValue(p, attr, "avg") ?? 0) : 0), 0),
        ),
      };
    }
    const fresh = anchor.fixedTeams ? taken : [anchor, ...taken];
    const assign = balanceTeams(level.teams, fresh, algorithm.balancedAttribute, prefill);
    if (!assign) continue;
    for (const [k, e] of fresh.entries()) teams[assign[k] ?? 0]?.players.push(...e.players);
    if (
      level.teams.some(
        (t, i) => (teams[i]?.players.length ?? 0) < t.minPlayers || (teams[i]?.players.length ?? 0) > t.maxPlayers,
      )
    )
      continue;
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
    const result: LargeMatch = {
      match,
      entries: chosen,
      metrics: RuleCounts.passedOnce(level),
    };
    if (locations !== undefined) result.locations = locations;
    made++;
    onMatch(result);
  }
}
