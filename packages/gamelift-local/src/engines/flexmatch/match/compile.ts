/** Per-expansion-level views of a rule set, computed once per findMatches call. */
import { effectiveRuleSet, expansionThresholds } from "../expansions.js";
import type { Expression } from "../expressions/ast.js";
import { statementRules } from "../parse/statement.js";
import type { BatchDistanceRule, LatencyRule, NumberAggregation, Rule, RuleSet, SortRule } from "../types.js";

/** A concrete team of a match (quantity clones numbered `Name1`, `Name2`, ...). */
export interface SlotTeam {
  name: string;
  base: string;
  minPlayers: number;
  maxPlayers: number;
}

/** The rule set in force at one expansion level. */
export interface Level {
  ruleSet: RuleSet;
  teams: SlotTeam[];
  /** Rules that decide a match on their own (not sort rules, not referenced by a compound). */
  deciding: Rule[];
  /**
   * The deciding rules checked while a match is still being filled: those that do not depend on
   * team sizes (a `count(...)` such as EqualTeamSizes necessarily fails between additions).
   */
  partial: Rule[];
  /** Position in the base rule set of each rule of `deciding` / `partial` (for {@link RuleCounts}). */
  decidingIndex: Int32Array;
  partialIndex: Int32Array;
  rulesByName: ReadonlyMap<string, Rule>;
  hasCompound: boolean;
  latency: LatencyRule[];
  batch: BatchDistanceRule[];
  sorts: SortRule[];
  maxPlayers: number;
  minPlayers: number;
  /** The attribute ordering candidates ({@link primaryKeyAttribute}, of the base rule set) and how a party's values aggregate into an entry's key. */
  keyAttribute: string | undefined;
  keyAggregation: NumberAggregation;
}

/** All levels of a rule set; `thresholds[i]` is the age (s) from which `levels[i]` applies. */
export interface Compiled {
  thresholds: number[];
  levels: Level[];
}

/** Expands `quantity`: one concrete team per clone. */
export function slotTeams(ruleSet: RuleSet): SlotTeam[] {
  const out: SlotTeam[] = [];
  for (const t of ruleSet.teams) {
    if (t.quantity <= 1) out.push({ name: t.name, base: t.name, minPlayers: t.minPlayers, maxPlayers: t.maxPlayers });
    else {
      for (let q = 1; q <= t.quantity; q++) {
        out.push({ name: `${t.name}${q}`, base: t.name, minPlayers: t.minPlayers, maxPlayers: t.maxPlayers });
      }
    }
  }
  return out;
}

const sizeDependentExpression = (e: Expression): boolean =>
  e.kind === "call"
    ? e.fn === "count" || sizeDependentExpression(e.arg)
    : e.kind === "path" && e.tail.kind !== "attribute";

/** True when a rule's verdict depends on how many players the teams hold (not only on who they are). */
const sizeDependent = (rule: Rule, byName: ReadonlyMap<string, Rule>): boolean => {
  switch (rule.type) {
    case "distance":
    case "comparison":
    case "collection": {
      const ref = rule.referenceValue;
      return (
        rule.measurements.some((m) => sizeDependentExpression(m.expression)) ||
        (ref?.kind === "expression" && sizeDependentExpression(ref.expression))
      );
    }
    case "compound":
      return statementRules(rule.statement).some((n) => {
        const r = byName.get(n);
        return r !== undefined && sizeDependent(r, byName);
      });
    default:
      return false;
  }
};

const compileLevel = (
  ruleSet: RuleSet,
  positions: ReadonlyMap<string, number>,
  keyAttribute: string | undefined,
  keyAggregation: NumberAggregation,
): Level => {
  const referenced = new Set<string>();
  for (const r of ruleSet.rules)
    if (r.type === "compound") for (const n of statementRules(r.statement)) referenced.add(n);
  const teams = slotTeams(ruleSet);
  const byName = new Map(ruleSet.rules.map((r) => [r.name, r]));
  // Rules a compound references decide only through it (the docs' or(and(Serious, ...), and(Casual, ...))
  // pattern could never match otherwise).
  const deciding = ruleSet.rules.filter(
    (r) => r.type !== "absoluteSort" && r.type !== "distanceSort" && !referenced.has(r.name),
  );
  const partial = deciding.filter((r) => !sizeDependent(r, byName));
  const indexOf = (rules: Rule[]): Int32Array => Int32Array.from(rules, (r) => positions.get(r.name) ?? -1);
  return {
    ruleSet,
    teams,
    deciding,
    partial,
    decidingIndex: indexOf(deciding),
    partialIndex: indexOf(partial),
    rulesByName: byName,
    hasCompound: ruleSet.rules.some((r) => r.type === "compound"),
    latency: ruleSet.rules.filter((r): r is LatencyRule => r.type === "latency"),
    batch: ruleSet.rules.filter((r): r is BatchDistanceRule => r.type === "batchDistance"),
    sorts: ruleSet.rules.filter((r): r is SortRule => r.type === "absoluteSort" || r.type === "distanceSort"),
    maxPlayers: teams.reduce((s, t) => s + t.maxPlayers, 0),
    minPlayers: teams.reduce((s, t) => s + t.minPlayers, 0),
    keyAttribute,
    keyAggregation,
  };
};

/**
 * The attribute that orders candidates, in priority: a numeric batchDistance attribute, the
 * balancedAttribute (large matches), the first numeric sortByAttributes, a sort rule's attribute,
 * the first numeric attribute a distance rule measures. Undefined: age order.
 */
export function primaryKeyAttribute(ruleSet: RuleSet): string | undefined {
  const numeric = new Set(ruleSet.playerAttributes.filter((a) => a.type === "number").map((a) => a.name));
  for (const r of ruleSet.rules)
    if (r.type === "batchDistance" && numeric.has(r.batchAttribute)) return r.batchAttribute;
  // Large matches: "FlexMatch sorts the available player pool according to [balancedAttribute]".
  if (ruleSet.algorithm.strategy === "balanced" && ruleSet.algorithm.balancedAttribute)
    return ruleSet.algorithm.balancedAttribute;
  if (ruleSet.algorithm.batchingPreference === "sorted") {
    const first = ruleSet.algorithm.sortByAttributes.find((a) => numeric.has(a));
    if (first) return first;
  }
  for (const r of ruleSet.rules)
    if ((r.type === "distanceSort" || r.type === "absoluteSort") && numeric.has(r.sortAttribute))
      return r.sortAttribute;
  // Distance rules only: a comparison often tests a role flag (`wantsToBeMonster = 1` for one team,
  // `= 0` for the other), and candidates nearest the anchor's flag would all share its role.
  for (const r of ruleSet.rules) {
    if (r.type !== "distance") continue;
    for (const m of r.measurements) {
      const found = /attributes\[([^\]]+)\]/.exec(m.text)?.[1]?.trim();
      if (found && numeric.has(found)) return found;
    }
  }
  return undefined;
}

/** Compiles every expansion level of a rule set. */
export function compile(ruleSet: RuleSet): Compiled {
  const thresholds = expansionThresholds(ruleSet);
  const positions = new Map(ruleSet.rules.map((r, i) => [r.name, i]));
  const key = primaryKeyAttribute(ruleSet);
  const keyAggregation =
    ruleSet.rules.find((r): r is BatchDistanceRule => r.type === "batchDistance" && r.batchAttribute === key)
      ?.partyAggregation ?? "avg";
  return {
    thresholds,
    levels: thresholds.map((t) => compileLevel(effectiveRuleSet(ruleSet, t), positions, key, keyAggregation)),
  };
}
