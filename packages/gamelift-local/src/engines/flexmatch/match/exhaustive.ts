/**
 * The exhaustive-search strategy (matches of up to 40 players): oldest ticket first, each one
 * the anchor of a match assembled from its nearest unmatched neighbours.
 */
import type { Compiled, Level } from "./compile.js";
import { AssembleScratch, assemble, type Assembled } from "./assemble.js";
import { PoolIndex, type Verdict } from "./PoolIndex.js";
import type { Entry } from "./prepare.js";
import { orderCandidates } from "./sortRules.js";

/** Tuning knobs bounding the work per anchor. */
export interface SearchLimits {
  /** Candidates considered per anchor, as a multiple of the open player slots. */
  candidateFactor: number;
  /** Entries visited per anchor, as a multiple of the candidate limit. */
  scanFactor: number;
  /** Rule evaluations allowed in the repair of one match. */
  repairBudget: number;
  /**
   * Work cap of one call: at most `evaluationsPerTicket × n + evaluationsBase` rule evaluations,
   * after which younger anchors wait for the next call. Only pools where most anchors fail come
   * near it (a matching pool needs a few evaluations per ticket).
   */
  evaluationsPerTicket: number;
  evaluationsBase: number;
  /**
   * From this many tickets in the pool, try each anchor's nearest `open` candidates first, and the
   * whole candidate list only when the match did not close full on them (same result, less
   * scanning; see matchExhaustive). Infinity: never. Small pools (a simulator's tick, where most
   * tickets wait) gain nothing from it.
   */
  nearestFirstFrom: number;
}

/** The limits findMatches uses. */
export const DEFAULT_LIMITS: SearchLimits = {
  candidateFactor: 3,
  scanFactor: 8,
  repairBudget: 100,
  evaluationsPerTicket: 100,
  evaluationsBase: 20_000,
  nearestFirstFrom: 256,
};

/** The largest key distance any level's numeric batchDistance rule on `keyAttr` allows. */
const keyBound = (compiled: Compiled, keyAttr: string | undefined): number => {
  if (!keyAttr) return Infinity;
  let bound = -1;
  for (const l of compiled.levels) {
    const r = l.batch.find((b) => b.batchAttribute === keyAttr);
    if (!r || r.maxDistance === undefined) return Infinity;
    bound = Math.max(bound, r.maxDistance);
  }
  return bound < 0 ? Infinity : bound;
};

const anchorOrder = (entries: readonly Entry[], priority: "normal" | "low" | "high"): readonly Entry[] => {
  if (priority === "normal") return entries;
  const backfill = entries.filter((e) => e.fixedTeams);
  const fresh = entries.filter((e) => !e.fixedTeams);
  return priority === "high" ? [...backfill, ...fresh] : [...fresh, ...backfill];
};

const sharesLocation = (a: Entry, b: Entry): boolean => {
  if (!a.locations || !b.locations) return true;
  for (const l of a.locations) if (b.locations.has(l)) return true;
  return false;
};

/**
 * Finds matches with the exhaustive-search strategy, handing each to `onMatch` as it is made
 * (the match's draft and counters are reused afterwards: `onMatch` must read them at once).
 * Complexity: O(n log n) to sort plus O(n × (S + C × T × E)) for n tickets, S = scanned
 * neighbours, C = candidates, T = teams and E = one rule evaluation (linear in match size).
 */
export function matchExhaustive(
  compiled: Compiled,
  entries: readonly Entry[],
  keyAttr: string | undefined,
  maxMatches: number,
  onMatch: (match: Assembled) => void,
  limits: SearchLimits = DEFAULT_LIMITS,
): void {
  const base = compiled.levels[0] as Level;
  const loosest = compiled.levels[compiled.levels.length - 1] as Level;
  // One partition (no string batchDistance rule, the usual case): the entries themselves.
  const byPartition = new Map<string, readonly Entry[]>();
  const only = entries[0]?.partition;
  if (entries.every((e) => e.partition === only)) {
    if (only !== undefined) byPartition.set(only, entries);
  } else {
    for (const e of entries) {
      const list = (byPartition.get(e.partition) ?? []) as Entry[];
      list.push(e);
      byPartition.set(e.partition, list);
    }
  }
  const indexes = new Map<string, PoolIndex>();
  for (const [p, list] of byPartition) indexes.set(p, new PoolIndex(list));
  const bound = keyBound(compiled, keyAttr);
  const used = new Uint8Array(entries.length);
  let made = 0;
  const oldest = base.ruleSet.algorithm.expansionAgeSelection === "oldest";
  const work = { evaluations: 0 };
  const cap = limits.evaluationsPerTicket * entries.length + limits.evaluationsBase;
  // Reused from anchor to anchor: the assembler's drafts and counters, the candidate buffer, one filter.
  const options = { oldest, repairBudget: limits.repairBudget, work, scratch: new AssembleScratch(compiled, oldest) };
  const found: Entry[] = [];
  // Nearest-first pays while most anchors close full on their nearest candidates; once misses
  // (anchors that fail, or need more candidates) outweigh them, the whole list is taken directly.
  const nearestFirst = entries.length >= limits.nearestFirstFrom;
  let nearestTries = 0;
  let nearestMisses = 0;
  let anchor = entries[0] as Entry;
  const accept = (e: Entry): Verdict =>
    e !== anchor && used[e.order] === 0 && !e.fixedTeams && sharesLocation(anchor, e) ? "take" : "skip";
  const anchors = anchorOrder(entries, base.ruleSet.algorithm.backfillPriority);
  for (let a = 0; a < anchors.length; a++) {
    anchor = anchors[a] as Entry;
    if (made >= maxMatches || work.evaluations >= cap) break;
    if (used[anchor.order]) continue;
    const index = indexes.get(anchor.partition);
    if (!index) continue;
    const open = Math.max(1, loosest.maxPlayers - anchor.size);
    const limit = Math.max(8, open * limits.candidateFactor);
    const scan = limit * limits.scanFactor + 64;
    // Most anchors fill their match from the nearest `open` candidates: those are tried first
    // (a prefix of the full list: same scan), and the full list only when the match did not close
    // full on them. Without sort rules only: they reorder the whole list.
    let result: Assembled | undefined;
    if (nearestFirst && base.sorts.length === 0 && open < limit && nearestMisses * 2 <= nearestTries + 8) {
      nearestTries++;
      const before = work.evaluations;
      index.neighbours(anchor, open, scan, bound, accept, found);
      result = assemble(compiled, anchor, found, options);
      if (found.length === open && !options.scratch.closedFull) {
        nearestMisses++;
        work.evaluations = before;
        index.neighbours(anchor, limit, scan, bound, accept, found);
        result = assemble(compiled, anchor, found, options);
      }
    } else {
      index.neighbours(anchor, limit, scan, bound, accept, found);
      result = assemble(compiled, anchor, orderCandidates(base, anchor, found), options);
    }
    if (!result) continue;
    for (const m of result.draft.members) {
      for (const e of m) {
        used[e.order] = 1;
        index.remove(e);
      }
    }
    made++;
    // Handed over at once: the draft and counters are the scratch's, reused by the next anchor.
    onMatch(result);
  }
}
