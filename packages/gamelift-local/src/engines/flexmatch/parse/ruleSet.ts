/** Entry points: parse and validate a RuleSetBody. */
import { RuleSetValidationError, type RuleSetIssue } from "../errors.js";
import type { AttributeType, Rule, RuleSet, RuleType } from "../types.js";
import type { NameScope } from "./expressionFields.js";
import { isObject, issue, readString, rejectUnknown, type ParseContext } from "./fields.js";
import { parseExpansions } from "./expansions.js";
import { parseRule, RULE_TYPES } from "./rules.js";
import { parseAlgorithm, parsePlayerAttributes, parseTeams } from "./sections.js";

/** Σ teams' maxPlayers above which a rule set describes a large match. */
export const LARGE_MATCH_THRESHOLD = 40;

const parseRules = (
  ctx: ParseContext,
  raw: unknown,
  scope: NameScope,
  rawRules: Map<string, Record<string, unknown>>,
): Rule[] => {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issue(ctx, "rules", `"rules" must be an array`);
    return [];
  }
  const out: Rule[] = [];
  const earlier = new Map<string, RuleType>();
  for (const [i, r] of raw.entries()) {
    const path = `rules[${i}]`;
    if (!isObject(r)) {
      issue(ctx, path, "a rule must be an object");
      continue;
    }
    const name = readString(ctx, r, "name", path, true);
    if (name !== undefined && earlier.has(name)) issue(ctx, `${path}.name`, `duplicate rule "${name}"`);
    const type = r["type"];
    if (typeof type !== "string" || !(RULE_TYPES as readonly string[]).includes(type)) {
      issue(ctx, `${path}.type`, `"type" must be one of ${RULE_TYPES.join(", ")}`);
      continue;
    }
    if (name === undefined) continue;
    const rule = parseRule(ctx, r, path, name, type as RuleType, scope, earlier);
    earlier.set(name, type as RuleType);
    rawRules.set(name, r);
    if (rule) out.push(rule);
  }
  return out;
};

/** Large-match restrictions: only batchDistance rules and latency rules with maxLatency alone. */
const checkLarge = (ctx: ParseContext, raw: Record<string, unknown>, rules: readonly Rule[]): void => {
  const rawRules = Array.isArray(raw["rules"]) ? raw["rules"] : [];
  rules.forEach((rule) => {
    const i = rawRules.findIndex((r: unknown) => isObject(r) && r["name"] === rule.name);
    const path = `rules[${i}]`;
    if (rule.type === "latency") {
      if (rule.maxDistance !== undefined)
        issue(ctx, `${path}.maxDistance`, `large matches support only "maxLatency" in latency rules`);
    } else if (rule.type !== "batchDistance") {
      issue(
        ctx,
        `${path}.type`,
        `large matches (more than ${LARGE_MATCH_THRESHOLD} players) support only batchDistance and latency rules`,
      );
    }
  });
};

/** Parses and validates; returns the rule set (when valid) and every issue found. */
function inspectRuleSet(body: string): { ruleSet?: RuleSet; issues: RuleSetIssue[] } {
  const ctx: ParseContext = { issues: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    return {
      issues: [{ path: "body", message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
  if (!isObject(raw)) return { issues: [{ path: "body", message: "a rule set must be a JSON object" }] };
  rejectUnknown(ctx, raw, "$", [
    "name",
    "ruleLanguageVersion",
    "playerAttributes",
    "algorithm",
    "teams",
    "rules",
    "expansions",
  ]);
  ctx.issues = ctx.issues.map((x) => ({ ...x, path: x.path.replace(/^\$\./, "") }));
  if (raw["ruleLanguageVersion"] !== "1.0") issue(ctx, "ruleLanguageVersion", `"ruleLanguageVersion" must be "1.0"`);
  // The body's `name` is an optional free label ("a descriptive label for your own use"): any
  // string, the empty one included (the docs' own example 6 has `"name": ""`).
  const rawName = raw["name"];
  const name = typeof rawName === "string" ? rawName : undefined;
  if (rawName !== undefined && name === undefined) issue(ctx, "name", `"name" must be a string`);
  const playerAttributes = parsePlayerAttributes(ctx, raw["playerAttributes"]);
  const attributes = new Map<string, AttributeType>(playerAttributes.map((a) => [a.name, a.type]));
  const teams = parseTeams(ctx, raw["teams"]);
  const large = teams.reduce((s, t) => s + t.maxPlayers * t.quantity, 0) > LARGE_MATCH_THRESHOLD;
  const algorithm = parseAlgorithm(ctx, raw["algorithm"], attributes, large);
  const teamNames = new Set<string>();
  for (const t of teams) {
    teamNames.add(t.name);
    for (let q = 1; t.quantity > 1 && q <= t.quantity; q++) teamNames.add(`${t.name}${q}`);
  }
  const scope: NameScope = { attributes, teams: teamNames };
  const rawRules = new Map<string, Record<string, unknown>>();
  const rules = parseRules(ctx, raw["rules"], scope, rawRules);
  // Only large matches are restricted to batchDistance and latency rules: the guide's example 10
  // pairs the balanced strategy with distance, comparison and compound rules on 2 × 20 players.
  if (large) checkLarge(ctx, raw, rules);
  const expansions = parseExpansions(ctx, raw["expansions"], rules, rawRules, teams, scope);
  if (ctx.issues.length > 0) return { issues: ctx.issues };
  const ruleSet: RuleSet = { ruleLanguageVersion: "1.0", playerAttributes, algorithm, teams, rules, expansions };
  if (name !== undefined) ruleSet.name = name;
  return { ruleSet, issues: [] };
}

/**
 * Parses a RuleSetBody (a JSON string) into a {@link RuleSet}.
 * @throws RuleSetValidationError naming the first offending path, e.g. `rules[2].maxDistance`.
 * @example
 * const ruleSet = parseRuleSet(readFileSync("arena-2v2.json", "utf8"));
 */
export function parseRuleSet(body: string): RuleSet {
  const { ruleSet, issues } = inspectRuleSet(body);
  if (!ruleSet) throw new RuleSetValidationError(issues);
  return ruleSet;
}

/**
 * Validates a RuleSetBody without throwing (ValidateMatchmakingRuleSet).
 * @example
 * validateRuleSet('{"ruleLanguageVersion":"1.0","teams":[]}').errors[0].path; // "teams"
 */
export function validateRuleSet(body: string): { valid: boolean; errors: RuleSetIssue[] } {
  const { issues } = inspectRuleSet(body);
  return { valid: issues.length === 0, errors: issues };
}
