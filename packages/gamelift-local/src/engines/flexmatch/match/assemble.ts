/**
 * Greedy match assembly around an anchor ticket, then a bounded repair (swaps between teams,
 * then dropping the latest additions). Cost per anchor: O(C·T) rule evaluations for C
 * candidates and T teams plus a fixed repair budget — never exponential.
 */
import type { Compiled, Level } from "./compile.js";
import { Draft } from "./Draft.js";
import { evaluateMatch, type MatchVerdict } from "./evaluateMatch.js";
import type { Entry } from "./prepare.js";
import type { Rule } from "../types.js";

/** A successfully assembled match. */
export interface Assembled {
  draft: Draft;
  level: Level;
  verdict: MatchVerdict;
  metrics: Map<string, { passed: number; failed: number }>;
}

type Counts = Map<string, { passed: number; failed: number }>;

/** Options of {@link assemble}. `work.evaluations` counts rule evaluations across a whole call. */
export interface AssembleOptions {
  oldest: boolean;
  repairBudget: number;
  work: { evaluations: number };
}

/** Evaluation counter of the running attempt (module state would outlive a call; this does not). */
interface Ctx {
  metrics: Counts;
  work: { evaluations: number };
}

const record = (metrics: Counts, v: MatchVerdict): void => {
  for (let i = 0; i < v.rules.length; i++) {
    const name = (v.rules[i] as Rule).name;
    let c = metrics.get(name);
    if (!c) {
      c = { passed: 0, failed: 0 };
      metrics.set(name, c);
    }
    if (v.passed[i]) c.passed++;
    else c.failed++;
  }
};

const evaluateDraft = (
  draft: Draft,
  level: Level,
  locations: Set<string> | undefined,
  ctx: Ctx,
  partial: boolean,
): MatchVerdict => {
  const v = evaluateMatch(level, draft, locations === undefined ? undefined : [...locations], partial);
  ctx.work.evaluations++;
  record(ctx.metrics, v);
  return v;
};

const sizesOk = (draft: Draft, level: Level): boolean => {
  const teams = level.teams;
  for (let i = 0; i < teams.length; i++) {
    const t = teams[i] as Level["teams"][number];
    const n = draft.count(i);
    if (n < t.minPlayers || n > t.maxPlayers) return false;
  }
  return true;
};

const better = (a: MatchVerdict, b: MatchVerdict): boolean =>
  a.failures < b.failures || (a.failures === b.failures && a.cost < b.cost - 1e-9);

/** One placement made during the greedy fill, kept (in order) so the trim step can undo it. */
interface Placement {
  entry: Entry;
}

/**
 * Tries `e` on every team with room and keeps the best placement — when `gated`, only if no
 * more partial rules fail than before (FlexMatch's "tentatively add, drop if a rule fails").
 */
const tryAdd = (
  draft: Draft,
  e: Entry,
  current: MatchVerdict,
  ctx: Ctx,
  gated: boolean,
): { v: MatchVerdict; team: number } | undefined => {
  const level = draft.level(e);
  const locations = draft.locations(e);
  if (locations !== undefined && locations.size === 0) return undefined;
  if (e.fixedTeams) {
    draft.place(e, 0);
    return { v: evaluateDraft(draft, level, locations, ctx, true), team: 0 };
  }
  let best: { team: number; v: MatchVerdict; tier: number; open: number } | undefined;
  const teams = level.teams;
  for (let i = 0; i < teams.length; i++) {
    const t = teams[i] as Level["teams"][number];
    const have = draft.count(i);
    if (have + e.size > t.maxPlayers) continue;
    draft.place(e, i);
    const v = evaluateDraft(draft, level, locations, ctx, true);
    draft.unplace(e, i);
    // Prefer fewer failures, then teams still below minPlayers, then the most open slots, then cost.
    const tier = have < t.minPlayers ? 0 : 1;
    const open = t.maxPlayers - have;
    if (
      !best ||
      v.failures < best.v.failures ||
      (v.failures === best.v.failures &&
        (tier < best.tier ||
          (tier === best.tier && (open > best.open || (open === best.open && v.cost < best.v.cost)))))
    ) {
      best = { team: i, v, tier, open };
    }
  }
  if (!best || (gated && best.v.failures > current.failures)) return undefined;
  draft.place(e, best.team);
  return { v: best.v, team: best.team };
};

const swap = (draft: Draft, a: Entry, i: number, b: Entry, j: number): void => {
  draft.unplace(a, i);
  draft.unplace(b, j);
  draft.place(a, j);
  draft.place(b, i);
};

/** Swaps equally sized tickets between teams while that lowers (failures, cost). */
const repairBySwaps = (
  draft: Draft,
  level: Level,
  start: MatchVerdict,
  ctx: Ctx,
  budget: { left: number },
): MatchVerdict => {
  let current = start;
  const locations = draft.locations();
  let improved = true;
  while (improved && current.failures > 0 && budget.left > 0) {
    improved = false;
    for (let i = 0; i < draft.members.length && !improved; i++) {
      for (let j = i + 1; j < draft.members.length && !improved; j++) {
        for (const a of [...(draft.members[i] ?? [])]) {
          for (const b of [...(draft.members[j] ?? [])]) {
            if (improved || budget.left <= 0) break;
            if (a.fixedTeams || b.fixedTeams || a.size !== b.size) continue;
            budget.left--;
            swap(draft, a, i, b, j);
            const v = evaluateDraft(draft, level, locations, ctx, false);
            if (better(v, current)) {
              current = v;
              improved = true;
            } else swap(draft, a, j, b, i);
          }
        }
      }
    }
  }
  return current;
};

/** Drops the latest additions one by one (never the anchor) while that helps and sizes allow. */
const repairByTrimming = (
  draft: Draft,
  placements: Placement[],
  start: MatchVerdict,
  ctx: Ctx,
  budget: { left: number },
): MatchVerdict => {
  let current = start;
  for (let k = placements.length - 1; k >= 1 && current.failures > 0 && budget.left > 0; k--) {
    const p = placements[k] as Placement;
    // Swaps may have moved the entry since it was placed.
    const team = draft.teamOf(p.entry);
    if (team < 0) continue;
    draft.unplace(p.entry, team);
    const level = draft.level();
    budget.left--;
    const v = sizesOk(draft, level) ? evaluateDraft(draft, level, draft.locations(), ctx, false) : undefined;
    if (v && better(v, current)) {
      current = v;
      placements.splice(k, 1);
    } else draft.place(p.entry, team);
  }
  return current;
};

/** One greedy fill plus repair; see {@link assemble}. `rejected` counts candidates the gate turned away. */
const attempt = (
  compiled: Compiled,
  anchor: Entry,
  candidates: readonly Entry[],
  options: AssembleOptions,
  gated: boolean,
): { result?: Assembled; rejected: number } => {
  const ctx: Ctx = { metrics: new Map(), work: options.work };
  const draft = new Draft(compiled, compiled.levels[anchor.level] as Level, options.oldest);
  const none: MatchVerdict = { failures: Infinity, cost: Infinity, rules: [], passed: [] };
  const first = tryAdd(draft, anchor, none, ctx, true);
  let rejected = 0;
  if (!first) return { rejected };
  const placements: Placement[] = [{ entry: anchor }];
  let current = first.v;
  if (anchor.fixedTeams && !draft.level().teams.every((t, i) => draft.count(i) <= t.maxPlayers)) return { rejected };
  for (const c of candidates) {
    if (draft.full(draft.level())) break;
    const next = tryAdd(draft, c, current, ctx, gated);
    if (!next) {
      rejected++;
      continue;
    }
    current = next.v;
    placements.push({ entry: c });
  }
  let level = draft.level();
  if (!sizesOk(draft, level)) return { rejected };
  // The last placement's verdict already covers every rule when none is deferred to the close.
  if (level.partial.length !== level.deciding.length || current.rules !== level.partial) {
    current = evaluateDraft(draft, level, draft.locations(), ctx, false);
  }
  const budget = { left: options.repairBudget };
  if (current.failures > 0) current = repairBySwaps(draft, level, current, ctx, budget);
  if (current.failures > 0) current = repairByTrimming(draft, placements, current, ctx, budget);
  level = draft.level();
  if (current.failures > 0 || !sizesOk(draft, level)) return { rejected };
  if (anchor.fixedTeams && draft.entries().length < 2) return { rejected };
  return { result: { draft, level, verdict: current, metrics: ctx.metrics }, rejected };
};

/**
 * Builds a match around `anchor` from `candidates` (best first). Teams fill toward maxPlayers;
 * the match closes when every team is full, or when candidates run out with every team at
 * minPlayers or more. A backfill anchor needs at least one new ticket.
 *
 * First pass: a candidate joins only if no partial rule newly fails (as FlexMatch documents).
 * That misses matches whose rules fail between additions (two 0s and two 100s split evenly),
 * so unless the first pass filled every team (or turned no candidate away, when a second pass
 * would repeat it), a second pass fills by team size alone and relies on the final check and the
 * repair. The two candidate matches are scored: more players first (FlexMatch fills toward
 * maxPlayers), then lower rule cost.
 * @returns the match, or undefined when no valid match could be built from these candidates.
 */
export function assemble(
  compiled: Compiled,
  anchor: Entry,
  candidates: readonly Entry[],
  options: AssembleOptions,
): Assembled | undefined {
  const { result: gated, rejected } = attempt(compiled, anchor, candidates, options, true);
  if (gated?.draft.full(gated.level)) return gated;
  if (rejected === 0) return gated;
  const sizeFirst = attempt(compiled, anchor, candidates, options, false).result;
  if (!gated || !sizeFirst) return gated ?? sizeFirst;
  const players = (a: Assembled): number => a.draft.teams.reduce((n, t) => n + t.players.length, 0);
  const [pg, ps] = [players(gated), players(sizeFirst)];
  return ps > pg || (ps === pg && sizeFirst.verdict.cost < gated.verdict.cost) ? sizeFirst : gated;
}
