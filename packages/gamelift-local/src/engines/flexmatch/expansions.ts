/** Expansions: a rule set relaxed by ticket age. */
import type { Expansion, ReferenceValue, Rule, RuleSet, TeamDefinition } from "./types.js";

const stepValue = (e: Expansion, ageSeconds: number): unknown => {
  let value: unknown;
  for (const s of e.steps) if (s.waitTimeSeconds <= ageSeconds) value = s.value;
  return value;
};

const applyToRule = (rule: Rule, field: string, value: unknown): Rule => {
  if (field === "referenceValue") return { ...rule, referenceValue: value as ReferenceValue } as Rule;
  return { ...rule, [field]: value as number } as Rule;
};

const applyToTeam = (team: TeamDefinition, field: "minPlayers" | "maxPlayers", value: number): TeamDefinition => ({
  ...team,
  [field]: value,
});

/**
 * The rule set in force at `ageSeconds`: every expansion whose step's `waitTimeSeconds` has been
 * reached replaces its target with the latest such step's value. Expansions are not carried over.
 * @example
 * effectiveRuleSet(ruleSet, 12).rules[0]; // maxDistance 300 for arena-2v2 (step at 10 s)
 */
export function effectiveRuleSet(ruleSet: RuleSet, ageSeconds: number): RuleSet {
  let rules = ruleSet.rules;
  let teams = ruleSet.teams;
  for (const e of ruleSet.expansions) {
    const value = stepValue(e, ageSeconds);
    if (value === undefined) continue;
    const on = e.on;
    if (on.kind === "rule") rules = rules.map((r) => (r.name === on.name ? applyToRule(r, on.field, value) : r));
    else teams = teams.map((t) => (t.name === on.name ? applyToTeam(t, on.field, value as number) : t));
  }
  return { ...ruleSet, rules, teams, expansions: [] };
}

/**
 * The ages (seconds) at which the effective rule set changes, ascending, starting with 0.
 * Level `i` is in force from `thresholds[i]` until the next threshold.
 */
export function expansionThresholds(ruleSet: RuleSet): number[] {
  const set = new Set<number>([0]);
  for (const e of ruleSet.expansions) for (const s of e.steps) set.add(s.waitTimeSeconds);
  return [...set].sort((a, b) => a - b);
}

/**
 * Per expansion target, the step in force at `ageSeconds` (0 = the base value, i = the i-th step reached).
 * @example expansionStepsAt(arena2v2, 12) // { "rules[FairSkill].maxDistance": 1 }
 */
export function expansionStepsAt(ruleSet: RuleSet, ageSeconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of ruleSet.expansions) out[e.target] = e.steps.filter((s) => s.waitTimeSeconds <= ageSeconds).length;
  return out;
}

/** The age (seconds) that drives expansions for a match: its newest ticket's (FlexMatch's default) or its oldest's. */
export function expansionAge(ruleSet: RuleSet, ages: readonly number[]): number {
  if (ages.length === 0) return 0;
  return ruleSet.algorithm.expansionAgeSelection === "oldest" ? Math.max(...ages) : Math.min(...ages);
}

/** The expansion level of an age: the index of the last threshold reached. */
export function levelOf(thresholds: readonly number[], ageSeconds: number): number {
  let lo = 0;
  for (let i = 1; i < thresholds.length; i++) if ((thresholds[i] ?? Infinity) <= ageSeconds) lo = i;
  return lo;
}
