/** Parsing of the `expansions` section. */
import type { Expansion, Rule, TeamDefinition } from "../types.js";
import type { NameScope } from "./expressionFields.js";
import { checkNumber, isObject, issue, rejectUnknown, type ParseContext } from "./fields.js";
import { checkRuleFieldValue, EXPANDABLE_FIELDS } from "./rules.js";

const TARGET = /^(rules|teams)\[([^\]]+)\]\.([A-Za-z]+)$/;

/**
 * Parses expansions: `target` is `rules[<name>].<field>` or `teams[<name>].minPlayers|maxPlayers`;
 * one expansion per target; steps ascend by `waitTimeSeconds`; each `value` is valid for the field.
 */
export function parseExpansions(
  ctx: ParseContext,
  raw: unknown,
  rules: readonly Rule[],
  rawRules: ReadonlyMap<string, Record<string, unknown>>,
  teams: readonly TeamDefinition[],
  scope: NameScope,
): Expansion[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issue(ctx, "expansions", `"expansions" must be an array`);
    return [];
  }
  const out: Expansion[] = [];
  const targets = new Set<string>();
  for (const [i, e] of raw.entries()) {
    const path = `expansions[${i}]`;
    if (!isObject(e)) {
      issue(ctx, path, "an expansion must be an object");
      continue;
    }
    rejectUnknown(ctx, e, path, ["target", "steps"]);
    const target = e["target"];
    const m = typeof target === "string" ? TARGET.exec(target.trim()) : null;
    if (typeof target !== "string" || !m) {
      issue(ctx, `${path}.target`, `"target" must look like rules[<name>].<property> or teams[<name>].minPlayers`);
      continue;
    }
    const [, section, name = "", field = ""] = m;
    if (targets.has(target)) issue(ctx, `${path}.target`, `duplicate expansion target "${target}"`);
    targets.add(target);
    let on: Expansion["on"] | undefined;
    let check: (v: unknown, where: string) => unknown;
    if (section === "rules") {
      const rule = rules.find((r) => r.name === name);
      const rawRule = rawRules.get(name);
      if (!rule || !rawRule) {
        issue(ctx, `${path}.target`, `no rule named "${name}"`);
        continue;
      }
      if (!EXPANDABLE_FIELDS[rule.type].includes(field)) {
        issue(ctx, `${path}.target`, `property "${field}" of ${rule.type} rule "${name}" cannot be expanded`);
        continue;
      }
      on = { kind: "rule", name, field };
      check = (v, where) => checkRuleFieldValue(ctx, rawRule, field, v, where, scope);
    } else {
      const team = teams.find((t) => t.name === name);
      if (!team) {
        issue(ctx, `${path}.target`, `no team named "${name}"`);
        continue;
      }
      if (field !== "minPlayers" && field !== "maxPlayers") {
        issue(ctx, `${path}.target`, `only minPlayers and maxPlayers of a team can be expanded`);
        continue;
      }
      on = { kind: "team", name, field };
      check = (v, where) => checkNumber(ctx, v, where, "value", { integer: true, min: field === "maxPlayers" ? 1 : 0 });
    }
    const steps = e["steps"];
    if (!Array.isArray(steps) || steps.length === 0) {
      issue(ctx, `${path}.steps`, `"steps" must be a non-empty array`);
      continue;
    }
    const parsed: Expansion["steps"] = [];
    let last = -1;
    for (const [j, s] of steps.entries()) {
      const at = `${path}.steps[${j}]`;
      if (!isObject(s)) {
        issue(ctx, at, "a step must be an object");
        continue;
      }
      rejectUnknown(ctx, s, at, ["waitTimeSeconds", "value"]);
      const wait = checkNumber(ctx, s["waitTimeSeconds"], `${at}.waitTimeSeconds`, "waitTimeSeconds", { min: 0 });
      if (wait !== undefined && wait <= last) {
        issue(ctx, `${at}.waitTimeSeconds`, `steps must ascend by waitTimeSeconds`);
      }
      if (s["value"] === undefined) {
        issue(ctx, `${at}.value`, `"value" is required`);
        continue;
      }
      const value = check(s["value"], `${at}.value`);
      if (wait === undefined || value === undefined) continue;
      last = wait;
      parsed.push({ waitTimeSeconds: wait, value });
    }
    if (parsed.length === steps.length) out.push({ target, on, steps: parsed });
  }
  return out;
}
