import type { RuleSet } from "@matchplace/gamelift-local/flexmatch";
import { parsePopulation } from "./load.js";
import type { Population } from "./schema.js";

type RawRule = Record<string, unknown> & { type?: string; name?: string };

/** Every literal a rule set's rules compare against (referenceValue strings and string lists). */
function literals(rules: readonly RawRule[]): { strings: string[]; lists: string[][] } {
  const strings: string[] = [];
  const lists: string[][] = [];
  for (const r of rules) {
    const ref = r["referenceValue"];
    if (typeof ref === "string" && !/[[(]/.test(ref)) strings.push(ref);
    if (Array.isArray(ref) && ref.every((x) => typeof x === "string")) lists.push(ref as string[]);
  }
  return { strings: [...new Set(strings)], lists };
}

/** Number literals that comparison rules measuring `attribute` compare against. */
function numberLiterals(rules: readonly RawRule[], attribute: string): number[] {
  return rules
    .filter(
      (r) =>
        r.type === "comparison" &&
        JSON.stringify(r["measurements"] ?? "").includes(`[${attribute}]`) &&
        typeof r["referenceValue"] === "number",
    )
    .map((r) => r["referenceValue"] as number);
}

/** The tightest number bound (maxDistance) any rule puts on an attribute, when one does. */
function spreadFor(rules: readonly RawRule[], attribute: string): number | undefined {
  const bounds = rules
    .filter((r) => JSON.stringify(r).includes(`[${attribute}]`) || r["batchAttribute"] === attribute)
    .map((r) => Number(r["maxDistance"]))
    .filter((n) => Number.isFinite(n) && n > 0);
  return bounds.length > 0 ? Math.min(...bounds) : undefined;
}

/**
 * A plausible population derived from a rule set alone, for `--population auto`: numbers drawn
 * around their default (spread 1.5× the tightest distance rule on them, 0.5× for large matches; flag-like numbers that
 * comparisons test against literals drawn from those literals), strings and
 * lists from the defaults and the literals the rules compare against, parties that fit the
 * smallest team, regions when a latency rule exists (one near location, one far), and a fleet
 * big enough not to be the bottleneck.
 * @example const population = autoPopulation(parseRuleSet(body), JSON.parse(body), 2000);
 */
export function autoPopulation(ruleSet: RuleSet, raw: { rules?: RawRule[] }, players = 2000): Population {
  const rules = raw.rules ?? [];
  const { strings, lists } = literals(rules);
  const matchSize = ruleSet.teams.reduce((n, t) => n + t.maxPlayers * t.quantity, 0);
  const attributes: Record<string, unknown> = {};
  for (const a of ruleSet.playerAttributes) {
    const d = a.default;
    switch (a.type) {
      case "number": {
        const mean = d?.N ?? 1000;
        const compared = numberLiterals(rules, a.name);
        if (compared.length > 0) {
          // A flag-like attribute (`wantsToBeMonster = 1`): mostly the default, sometimes each literal.
          const values = [...new Set([mean, ...compared])].map((value) => ({ value, weight: value === mean ? 3 : 1 }));
          attributes[a.name] = { type: "number", distribution: { kind: "categorical", values } };
          break;
        }
        const spread = spreadFor(rules, a.name);
        // A large match (more than 40 players) needs most of a batch inside one maxDistance band.
        const stddev =
          spread !== undefined ? spread * (matchSize > 40 ? 0.5 : 1.5) : Math.max(Math.abs(mean) * 0.2, 10);
        attributes[a.name] = {
          type: "number",
          distribution: { kind: "normal", mean, stddev, round: Number.isInteger(mean) },
        };
        break;
      }
      case "string": {
        const values = [...new Set([...(d?.S !== undefined ? [d.S] : []), ...strings])];
        attributes[a.name] = {
          type: "string",
          distribution: { kind: "list", values: values.length > 0 ? values : ["a", "b"] },
        };
        break;
      }
      case "string_list": {
        const items = [...new Set([...(d?.SL ?? []), ...lists.flat(), ...strings])];
        attributes[a.name] =
          items.length > 0
            ? {
                type: "string_list",
                distribution: { kind: "subset", items: items.map((value) => ({ value, probability: 0.5 })) },
              }
            : { type: "string_list", distribution: { kind: "constant", value: ["any"] } };
        break;
      }
      case "string_number_map": {
        const keys = Object.keys(d?.SDM ?? {});
        const entries = Object.fromEntries(
          (keys.length > 0 ? keys : ["a", "b"]).map((k) => [k, { kind: "uniform", min: 0, max: 100, round: true }]),
        );
        attributes[a.name] = { type: "string_number_map", distribution: { kind: "map", entries } };
        break;
      }
    }
  }
  const smallestTeam = Math.min(...ruleSet.teams.map((t) => t.maxPlayers));
  const parties = [
    { size: 1, weight: 0.8 },
    { size: 2, weight: 0.15 },
    { size: 3, weight: 0.05 },
  ].filter((p) => p.size <= smallestTeam);
  const latencyRules = ruleSet.rules.filter((r) => r.type === "latency");
  const maxLatency = Math.min(
    ...latencyRules.map((r) => Number((r as { maxLatency?: number }).maxLatency ?? 150)),
    150,
  );
  const near = { kind: "normal", mean: maxLatency * 0.4, stddev: maxLatency * 0.15, min: 5 };
  const far = { kind: "normal", mean: maxLatency * 1.6, stddev: maxLatency * 0.3, min: 5 };
  const regions =
    latencyRules.length === 0
      ? []
      : [
          { name: "na", weight: 0.6, latencyMs: { "us-east-1": near, "eu-west-1": far } },
          { name: "eu", weight: 0.4, latencyMs: { "us-east-1": far, "eu-west-1": near } },
        ];
  return parsePopulation(
    {
      description: `derived from rule set ${ruleSet.name ?? "(unnamed)"} by --population auto`,
      players,
      // At least 10 arrivals/s, more for big matches (a quarter of a match per second), so a
      // request timeout's worth of arrivals holds several full matches even after batching.
      arrivals: { kind: "constant", durationSeconds: Math.max(60, Math.round(players / Math.max(10, matchSize / 4))) },
      parties,
      attributes,
      regions,
      fleet: {
        instancesPerLocation: 40,
        gameSessionsPerInstance: 50,
        gameSessionSeconds: { kind: "constant", value: 300 },
        queueTimeoutSeconds: 60,
      },
    },
    "auto population",
  );
}
