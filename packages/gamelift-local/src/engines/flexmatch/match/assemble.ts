/**
 * Greedy match assembly around an anchor ticket, then a bounded repair (swaps between teams,
 * then dropping the latest additions). Cost per anchor: O(C·T) rule evaluations for C
 * candidates and T teams plus a fixed repair budget — never exponential.
 */
import type { Rule } from "../types.js";
import type { Compiled, Level } from "./compile.js";
import { Draft } from "./Draft.js";
import { evaluateMatch, MatchVerdict } from "./evaluateMatch.js";
import type { Entry } from "./prepare.js";
import { RuleCounts } from "./RuleCounts.js";

/** A successfully assembled match. Its draft and metrics belong to the scratch: use them before the next assemble. */
export interface Assembled {
  draft: Draft;
  level: Level;
  verdict: MatchVerdict;
  metrics: RuleCounts;
}

/**
 * The state of one attempt: its rule counters, the verdict of the draft as it stands (`current`),
 * two verdicts that {@link tryAdd} evaluates trial placements into, and the result it hands out.
 */
class Ctx {
  public work: { evaluations: number } = { evaluations: 0 };
  public readonly current = new MatchVerdict();
  public trial = new MatchVerdict();
  public best = new MatchVerdict();
  public readonly result: Assembled;

  public constructor(
    public readonly counts: RuleCounts,
    draft: Draft,
    level: Level,
  ) {
    this.result = { draft, level, verdict: this.current, metrics: counts };
  }
}

/**
 * The objects one findMatches call reuses from anchor to anchor: a draft, rule counters and a
 * placement list for each of the two attempts (the first attempt's result must survive the second).
 */
export class AssembleScratch {
  public readonly drafts: readonly [Draft, Draft];
  public readonly counts: readonly [RuleCounts, RuleCounts];
  public readonly placements: readonly [Entry[], Entry[]];
  /** Verdicts and result of each attempt (no verdict object per evaluation). */
  readonly contexts: readonly [Ctx, Ctx];
  /** Candidates the gate turned away in the latest attempt. */
  public rejected = 0;
  /**
   * True when the latest assemble returned its first attempt's match, full, and that attempt's
   * draft was already full when it stopped taking candidates: candidates after the ones given
   * would not have changed the result.
   */
  public closedFull = false;

  public constructor(compiled: Compiled, oldest: boolean) {
    const base = compiled.levels[0] as Level;
    const rules = base.ruleSet.rules.length;
    this.drafts = [new Draft(compiled, base, oldest), new Draft(compiled, base, oldest)];
    this.counts = [new RuleCounts(rules), new RuleCounts(rules)];
    this.placements = [[], []];
    this.contexts = [new Ctx(this.counts[0], this.drafts[0], base), new Ctx(this.counts[1], this.drafts[1], base)];
  }
}

/** Options of {@link assemble}. `work.evaluations` counts rule evaluations across a whole call. */
export interface AssembleOptions {
  oldest: boolean;
  repairBudget: number;
  work: { evaluations: number };
  /** Reused objects (one per findMatches call); a fresh one per assemble when absent. */
  scratch?: AssembleScratch;
}

/** Evaluates the draft into `into` (returned), counting the evaluation. */
const evaluateDraft = (
  draft: Draft,
  level: Level,
  locations: Set<string> | undefined,
  ctx: Ctx,
  partial: boolean,
  into: MatchVerdict,
): MatchVerdict => {
  evaluateMatch(
    level,
    draft,
    locations === undefined ? undefined : [...locations],
    partial,
    ctx.counts,
    into,
    draft.members,
  );
  ctx.work.evaluations++;
  return into;
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

/**
 * Tries `e` on every team with room and keeps the best placement — when `gated`, only if no
 * more partial rules fail than before (FlexMatch's "tentatively add, drop if a rule fails").
 * @returns true when `e` was placed; `ctx.current` then holds the verdict on the draft with `e`.
 */
const tryAdd = (draft: Draft, e: Entry, ctx: Ctx, gated: boolean): boolean => {
  const current = ctx.current;
  const level = draft.level(e);
  const locations = draft.locations(e);
  if (locations !== undefined && locations.size === 0) return false;
  if (e.fixedTeams) {
    draft.place(e, 0);
    evaluateDraft(draft, level, locations, ctx, true, current);
    return true;
  }
  // Each trial placement is evaluated into `free`, the scratch verdict not holding `best` (they swap).
  let best: MatchVerdict | undefined;
  let free = ctx.trial;
  let bestTeam = -1;
  let bestTier = 0;
  let bestOpen = 0;
  const teams = level.teams;
  for (let i = 0; i < teams.length; i++) {
    const t = teams[i] as Level["teams"][number];
    const have = draft.count(i);
    if (have + e.size > t.maxPlayers) continue;
    draft.place(e, i);
    const v = evaluateDraft(draft, level, locations, ctx, true, free);
    draft.unplace(e, i);
    // Prefer fewer failures, then teams still below minPlayers, then the most open slots, then cost.
    const tier = have < t.minPlayers ? 0 : 1;
    const open = t.maxPlayers - have;
    if (
      !best ||
      v.failures < best.failures ||
      (v.failures === best.failures &&
        (tier < bestTier || (tier === bestTier && (open > bestOpen || (open === bestOpen && v.cost < best.cost)))))
    ) {
      free = best ?? ctx.best;
      best = v;
      bestTeam = i;
      bestTier = tier;
      bestOpen = open;
    }
  }
  if (!best || (gated && best.failures > current.failures)) return false;
  draft.place(e, bestTeam);
  current.copy(best);
  return true;
};

const swap = (draft: Draft, a: Entry, i: number, b: Entry, j: number): void => {
  draft.unplace(a, i);
  draft.unplace(b, j);
  draft.place(a, j);
  draft.place(b, i);
};

/** Swaps equally sized tickets between teams while that lowers (failures, cost) in `ctx.current`. */
const repairBySwaps = (draft: Draft, level: Level, ctx: Ctx, budget: { left: number }): void => {
  const current = ctx.current;
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
            const v = evaluateDraft(draft, level, locations, ctx, false, ctx.trial);
            if (better(v, current)) {
              current.copy(v);
              improved = true;
            } else swap(draft, a, j, b, i);
          }
        }
      }
    }
  }
};

/** Drops the latest additions one by one (never the anchor) while that helps and sizes allow. */
const repairByTrimming = (draft: Draft, placements: Entry[], ctx: Ctx, budget: { left: number }): void => {
  const current = ctx.current;
  for (let k = placements.length - 1; k >= 1 && current.failures > 0 && budget.left > 0; k--) {
    const entry = placements[k] as Entry;
    // Swaps may have moved the entry since it was placed.
    const team = draft.teamOf(entry);
    if (team < 0) continue;
    draft.unplace(entry, team);
    const level = draft.level();
    budget.left--;
    const v = sizesOk(draft, level) ? evaluateDraft(draft, level, draft.locations(), ctx, false, ctx.trial) : undefined;
    if (v && better(v, current)) {
      current.copy(v);
      placements.splice(k, 1);
    } else draft.place(entry, team);
  }
};

const NO_RULES: readonly Rule[] = [];

/**
 * One greedy fill plus repair in the scratch's draft `slot`; see {@link assemble}. Sets
 * `scratch.rejected` to the number of candidates the gate turned away.
 */
const attempt = (
  anchor: Entry,
  candidates: readonly Entry[],
  options: AssembleOptions,
  scratch: AssembleScratch,
  slot: 0 | 1,
  gated: boolean,
): Assembled | undefined => {
  const ctx = scratch.contexts[slot];
  ctx.counts.reset();
  ctx.work = options.work;
  const draft = scratch.drafts[slot];
  draft.reset();
  scratch.rejected = 0;
  // A verdict worse than any: the anchor's own placement is never gated.
  const current = ctx.current;
  current.failures = Infinity;
  current.cost = Infinity;
  current.locations = undefined;
  current.rules = NO_RULES;
  if (!tryAdd(draft, anchor, ctx, true)) return undefined;
  const placements = scratch.placements[slot];
  while (placements.length > 0) placements.pop();
  placements.push(anchor);
  if (anchor.fixedTeams && !draft.level().teams.every((t, i) => draft.count(i) <= t.maxPlayers)) return undefined;
  let rejected = 0;
  for (const c of candidates) {
    if (draft.full(draft.level())) break;
    if (!tryAdd(draft, c, ctx, gated)) {
      rejected++;
      continue;
    }
    placements.push(c);
  }
  scratch.rejected = rejected;
  if (slot === 0) scratch.closedFull = draft.full(draft.level());
  let level = draft.level();
  if (!sizesOk(draft, level)) return undefined;
  // The last placement's verdict already covers every rule when none is deferred to the close.
  if (level.partial.length !== level.deciding.length || current.rules !== level.partial) {
    evaluateDraft(draft, level, draft.locations(), ctx, false, current);
  }
  if (current.failures > 0) {
    const budget = { left: options.repairBudget };
    repairBySwaps(draft, level, ctx, budget);
    if (current.failures > 0) repairByTrimming(draft, placements, ctx, budget);
  }
  level = draft.level();
  if (current.failures > 0 || !sizesOk(draft, level)) return undefined;
  if (anchor.fixedTeams && draft.members.reduce((n, m) => n + m.length, 0) < 2) return undefined;
  ctx.result.level = level;
  return ctx.result;
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
  const scratch = options.scratch ?? new AssembleScratch(compiled, options.oldest);
  scratch.closedFull = false;
  const gated = attempt(anchor, candidates, options, scratch, 0, true);
  if (gated?.draft.full(gated.level)) return gated;
  scratch.closedFull = false;
  if (scratch.rejected === 0) return gated;
  const sizeFirst = attempt(anchor, candidates, options, scratch, 1, false);
  if (!gated || !sizeFirst) return gated ?? sizeFirst;
  const players = (a: Assembled): number => a.draft.teams.reduce((n, t) => n + t.players.length, 0);
  const [pg, ps] = [players(gated), players(sizeFirst)];
  return ps > pg || (ps === pg && sizeFirst.verdict.cost < gated.verdict.cost) ? sizeFirst : gated;
}
