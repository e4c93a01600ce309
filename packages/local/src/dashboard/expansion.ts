import { expansionAge, expansionStepsAt, parseRuleSet, type RuleSet } from "@matchplace/gamelift-local/flexmatch";

/** The rule set of each matchmaking configuration, by configuration name. */
export type RuleSetsByConfiguration = ReadonlyMap<string, RuleSet>;

/**
 * Rule sets per configuration, from `infra/gamelift/` files (a rule set that does not parse is left
 * out: the dashboard then shows no expansion step for its matches).
 */
export function ruleSetsByConfiguration(
  configurations: readonly { readonly Name: string; readonly RuleSetName?: string }[],
  ruleSets: readonly { readonly name: string; readonly raw: string }[],
): RuleSetsByConfiguration {
  const parsed = new Map<string, RuleSet>();
  for (const r of ruleSets) {
    try {
      parsed.set(r.name, parseRuleSet(r.raw));
    } catch {
      // shown as "not known" rather than failing the stage
    }
  }
  const out = new Map<string, RuleSet>();
  for (const c of configurations) {
    const rs = c.RuleSetName === undefined ? undefined : parsed.get(c.RuleSetName);
    if (rs) out.set(c.Name, rs);
  }
  return out;
}

/**
 * The expansion step a match was formed at, from its tickets' ages when FlexMatch proposed it (as
 * FlexMatch picks it: the newest ticket's age unless the rule set says `oldest`).
 * @example expansionStep(arena, [4, 13]) // "base values at 4 s" (newest ticket 4 s old)
 */
export function expansionStep(ruleSet: RuleSet, ticketAgesSeconds: readonly number[]): string {
  if (ruleSet.expansions.length === 0) return "none in the rule set";
  const age = expansionAge(ruleSet, ticketAgesSeconds);
  const steps = Object.entries(expansionStepsAt(ruleSet, age)).filter(([, step]) => step > 0);
  const at = `at ${Math.round(age)} s`;
  return steps.length === 0
    ? `base values ${at}`
    : `${steps.map(([target, step]) => `${target} step ${step}`).join(", ")} ${at}`;
}
