/** Evaluates every rule of a level against a (partial) match. */
import type { MatchView } from "../expressions/context.js";
import { checkBatchDistance } from "../rules/batchDistance.js";
import { checkCollection } from "../rules/collection.js";
import { checkComparison } from "../rules/comparison.js";
import { evaluateStatement } from "../rules/compound.js";
import { checkDistance } from "../rules/distance.js";
import { commonLocations, latencyLocations } from "../rules/latency.js";
import { PASS, type Outcome } from "../rules/outcome.js";
import type { BatchDistanceRule, Rule } from "../types.js";
import type { Level } from "./compile.js";
import type { Entry } from "./prepare.js";
import type { RuleCounts } from "./RuleCounts.js";

/**
 * The verdict on a match: how many deciding rules fail, a cost, and the usable locations. Mutable:
 * the assembler keeps a few per call and has {@link evaluateMatch} overwrite them (no object per evaluation).
 */
export class MatchVerdict {
  public failures = 0;
  public cost = 0;
  /** Locations passing every latency rule (undefined when no latency rule and no common latency data). */
  public locations: string[] | undefined = undefined;
  /** The rules evaluated. */
  public rules: readonly Rule[] = [];

  /** Makes this verdict a copy of `other`. */
  public copy(other: MatchVerdict): this {
    this.failures = other.failures;
    this.cost = other.cost;
    this.locations = other.locations;
    this.rules = other.rules;
    return this;
  }
}

/** Scratch outcome of the batchDistance check (evaluation is synchronous and never re-entered). */
const batchOut: Outcome = { ok: true, cost: 0 };

/**
 * A batchDistance rule on the level's key attribute, over the match's entries: an entry's key is
 * the party-aggregated value each of its players has for that attribute (read once, in prepare),
 * so the spread needs no attribute lookup. The general check when an entry has no numeric key.
 */
const checkKeyedBatch = (
  rule: BatchDistanceRule,
  members: readonly (readonly Entry[])[],
  match: MatchView,
  out: Outcome,
): Outcome => {
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < members.length; t++) {
    const team = members[t] as readonly Entry[];
    for (let i = 0; i < team.length; i++) {
      const k = (team[i] as Entry).key;
      if (Number.isNaN(k)) return checkBatchDistance(rule, match, out);
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
  }
  const spread = hi >= lo ? hi - lo : 0;
  out.ok = spread <= (rule.maxDistance ?? Infinity);
  out.cost = spread;
  return out;
};

const checkOne = (
  rule: Rule,
  match: MatchView,
  level: Level,
  locations: string[] | undefined,
  memo: Map<string, Outcome> | undefined,
  members: readonly (readonly Entry[])[] | undefined,
): Outcome => {
  const hit = memo?.get(rule.name);
  if (hit) return hit;
  let out: Outcome;
  switch (rule.type) {
    case "distance":
      out = checkDistance(rule, match);
      break;
    case "comparison":
      out = checkComparison(rule, match);
      break;
    case "collection":
      out = checkCollection(rule, match);
      break;
    case "batchDistance":
      out =
        members !== undefined &&
        rule.batchAttribute === level.keyAttribute &&
        rule.partyAggregation === level.keyAggregation
          ? checkKeyedBatch(rule, members, match, batchOut)
          : checkBatchDistance(rule, match, batchOut);
      // The memo keeps its own copy of the scratch outcome.
      if (memo) out = { ok: out.ok, cost: out.cost };
      break;
    case "latency": {
      const ok = latencyLocations(rule, match, locations ?? commonLocations(match)).length > 0;
      out = { ok, cost: ok ? 0 : 1 };
      break;
    }
    case "compound": {
      const ok = evaluateStatement(rule.statement, (name) => {
        const ref = level.rulesByName.get(name);
        return ref ? checkOne(ref, match, level, locations, memo, members).ok : false;
      });
      out = { ok, cost: ok ? 0 : 1 };
      break;
    }
    case "absoluteSort":
    case "distanceSort":
      out = PASS;
      break;
  }
  memo?.set(rule.name, out);
  return out;
};

/**
 * Evaluates a match at a level. `locations` restricts the candidate locations (the intersection
 * of the tickets' acceptable ones); latency rules narrow it further. `partial` checks only the
 * rules meaningful on a match still being filled (see {@link Level.partial}). Each rule's
 * pass/fail is added to `counts` when given. The verdict is written into `into` (returned).
 * `members`, when given, are the match's entries team by team (the players of `match`).
 */
export function evaluateMatch(
  level: Level,
  match: MatchView,
  locations: string[] | undefined,
  partial: boolean,
  counts: RuleCounts | undefined,
  into: MatchVerdict,
  members?: readonly (readonly Entry[])[],
): MatchVerdict {
  // Compound rules may reference a rule twice; memoize only then.
  const memo = level.hasCompound ? new Map<string, Outcome>() : undefined;
  let usable = locations;
  if (level.latency.length > 0) {
    usable = usable ?? commonLocations(match);
    for (const r of level.latency) usable = latencyLocations(r, match, usable);
  }
  let failures = 0;
  let cost = 0;
  const rules = partial ? level.partial : level.deciding;
  const positions = partial ? level.partialIndex : level.decidingIndex;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    let ok: boolean;
    if (rule.type === "latency") ok = (usable?.length ?? 0) > 0;
    else {
      const o = checkOne(rule, match, level, usable, memo, members);
      ok = o.ok;
      cost += o.cost;
    }
    if (!ok) failures++;
    counts?.record(positions[i] as number, ok);
  }
  into.failures = failures;
  into.cost = cost;
  into.rules = rules;
  into.locations = usable;
  return into;
}
