/**
 * Greedy match assembly around an anchor ticket, with a bounded swap repair.
 * Cost per anchor: O(candidates × teams × rule-evaluation), never exponential.
 */
import type { Compiled, Level } from "./compile.js";
import { Draft } from "./Draft.js";
import { evaluateMatch, type MatchVerdict } from "./evaluateMatch.js";
import type { Entry } from "./prepare.js";

/** A successfully assembled match. */
export interface Assembled {
  draft: Draft;
  level: Level;
  verdict: MatchVerdict;
  metrics: Map<string, { passed: number; failed: number }>;
}

/** Counts rule verdicts for ruleEvaluationMetrics. */
class Metrics {
  public readonly counts = new Map<string, { passed: number; failed: number }>();
  public record(v: MatchVerdict): void {
    for (const [name, ok] of v.results) {
      const c = this.counts.get(name) ?? { passed: 0, failed: 0 };
      if (ok) c.passed++;
      else c.failed++;
      this.counts.set(name, c);
    }
  }
}

const locationList = (s: Set<string> | undefined): string[] | undefined => (s === undefined ? undefined : [...s]);

const evaluateDraft = (draft: Draft, level: Level, extraLocations: Set<string> | undefined, metrics: Metrics): MatchVerdict => {
  const v = evaluateMatch(level, draft, locationList(extraLocations));
  metrics.record(v);
  return v;
};

const sizesOk = (draft: Draft, level: Level): boolean =>
  level.teams.every((t, i) => draft.count(i) >= t.minPlayers && draft.count(i) <= t.maxPlayers);

const better = (a: MatchVerdict, b: MatchVerdict): boolean =>
  a.failures < b.failures || (a.failures === b.failures && a.cost < b.cost - 1e-9);

/** Tries to add `e` to the best team; keeps it only if no more rules fail than before. */
const tryAdd = (draft: Draft, e: Entry, current: MatchVerdict, metrics: Metrics): MatchVerdict | undefined => {
  const level = draft.level(e);
  const locations = draft.locations(e);
  if (locations !== undefined && locations.size === 0) return undefined;
  if (e.fixedTeams) {
    draft.place(e, 0);
    const v = evaluateDraft(draft, level, locations, metrics);
    if (level.teams.every((t, i) => draft.count(i) <= t.maxPlayers)) return v;
    return undefined;
  }
  let best: { i: number; v: MatchVerdict; tier: number; open: number } | undefined;
  level.teams.forEach((t, i) => {
    const have = draft.count(i);
    if (have + e.size > t.maxPlayers) return;
    draft.place(e, i);
    const v = evaluateDraft(draft, level, locations, metrics);
    draft.unplace(e, i);
    // Prefer fewer failures, then teams still below minPlayers, then the most open slots, then cost.
    const cand = { i, v, tier: have < t.minPlayers ? 0 : 1, open: t.maxPlayers - have };
    if (
      !best ||
      v.failures < best.v.failures ||
      (v.failures === best.v.failures &&
        (cand.tier < best.tier ||
          (cand.tier === best.tier && (cand.open > best.open || (cand.open === best.open && v.cost < best.v.cost)))))
    ) {
      best = cand;
    }
  });
  if (!best || best.v.failures > current.failures) return undefined;
  draft.place(e, best.i);
  return best.v;
};

/** Bounded repair: swap equally sized tickets between teams while that lowers (failures, cost). */
const repair = (draft: Draft, level: Level, start: MatchVerdict, metrics: Metrics, budget: number): MatchVerdict => {
  let current = start;
  const locations = draft.locations();
  let improved = true;
  while (improved && current.failures > 0 && budget > 0) {
    improved = false;
    for (let i = 0; i < draft.members.length && !improved; i++) {
      for (let j = i + 1; j < draft.members.length && !improved; j++) {
        for (const a of [...(draft.members[i] ?? [])]) {
          if (improved || budget <= 0) break;
          for (const b of [...(draft.members[j] ?? [])]) {
            if (a.fixedTeams || b.fixedTeams || a.size !== b.size) continue;
            if (--budget < 0) break;
            draft.unplace(a, i);
            draft.unplace(b, j);
            draft.place(a, j);
            draft.place(b, i);
            const v = evaluateDraft(draft, level, locations, metrics);
            if (better(v, current)) {
              current = v;
              improved = true;
              break;
            }
            draft.unplace(a, j);
            draft.unplace(b, i);
            draft.place(a, i);
            draft.place(b, j);
          }
        }
      }
    }
  }
  return current;
};

/**
 * Builds a match around `anchor` from `candidates` (nearest first). Teams fill toward
 * maxPlayers; the match closes when every team is full, or when candidates run out with every
 * team at minPlayers or more. Backfill anchors need at least one new ticket.
 * @returns the match, or undefined when no valid match could be built from these candidates.
 */
export function assemble(
  compiled: Compiled,
  anchor: Entry,
  candidates: readonly Entry[],
  oldest: boolean,
  repairBudget: number,
): Assembled | undefined {
  const metrics = new Metrics();
  const draft = new Draft(compiled, compiled.levels[anchor.level] as Level, oldest);
  const empty: MatchVerdict = { failures: Infinity, cost: Infinity, results: new Map() };
  let current = tryAdd(draft, anchor, empty, metrics);
  if (!current) return undefined;
  const full = (): boolean => draft.level().teams.every((t, i) => draft.count(i) >= t.maxPlayers);
  for (const c of candidates) {
    if (full()) break;
    const next = tryAdd(draft, c, current, metrics);
    if (next) current = next;
  }
  const level = draft.level();
  if (draft.entries().length < 2 && anchor.fixedTeams) return undefined;
  if (!sizesOk(draft, level)) return undefined;
  const locations = draft.locations();
  current = evaluateDraft(draft, level, locations, metrics);
  if (current.failures > 0) current = repair(draft, level, current, metrics, repairBudget);
  if (current.failures > 0) return undefined;
  return { draft, level, verdict: current, metrics: metrics.counts };
}
