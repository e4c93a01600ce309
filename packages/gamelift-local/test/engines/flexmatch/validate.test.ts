import { describe, expect, it } from "vitest";
import { parseRuleSet, RuleSetValidationError, validateRuleSet } from "../../../src/engines/flexmatch/index.js";

const base = {
  ruleLanguageVersion: "1.0",
  playerAttributes: [
    { name: "skill", type: "number", default: 10 },
    { name: "mode", type: "string", default: "ranked" },
    { name: "maps", type: "string_list", default: ["a"] },
    { name: "prefs", type: "string_number_map", default: { a: 1 } },
  ],
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 2 },
    { name: "blue", minPlayers: 1, maxPlayers: 2 },
  ],
};

/** The body of `base` with `patch` applied (shallow), as a JSON string. */
const body = (patch: Record<string, unknown>): string => JSON.stringify({ ...base, ...patch });
const rule = (r: Record<string, unknown>): string => body({ rules: [r] });

describe("parseRuleSet", () => {
  it("parses every section and fills documented defaults", () => {
    const rs = parseRuleSet(
      body({
        name: "full",
        algorithm: { strategy: "exhaustiveSearch", batchingPreference: "sorted", sortByAttributes: ["skill"] },
        rules: [
          {
            name: "d",
            type: "distance",
            measurements: "avg(teams[*].players.attributes[skill])",
            referenceValue: 10,
            maxDistance: "5",
          },
          {
            name: "c",
            type: "comparison",
            measurements: ["flatten(teams[*].players.attributes[mode])"],
            operation: "=",
          },
          {
            name: "col",
            type: "collection",
            measurements: ["flatten(teams[*].players.attributes[maps])"],
            operation: "intersection",
            minCount: 1,
          },
          { name: "l", type: "latency", maxLatency: 100 },
          { name: "as", type: "absoluteSort", sortAttribute: "prefs", mapKey: "maxValue", sortDirection: "descending" },
          { name: "ds", type: "distanceSort", sortAttribute: "skill" },
          { name: "bd", type: "batchDistance", batchAttribute: "mode" },
          { name: "cmp", type: "compound", statement: "or(d, not(c))" },
        ],
        expansions: [{ target: "rules[d].maxDistance", steps: [{ waitTimeSeconds: 5, value: 50 }] }],
      }),
    );
    expect(rs.name).toBe("full");
    expect(rs.algorithm).toEqual({
      strategy: "exhaustiveSearch",
      batchingPreference: "sorted",
      sortByAttributes: ["skill"],
      expansionAgeSelection: "newest",
      backfillPriority: "normal",
    });
    expect(rs.teams[0]).toEqual({ name: "red", minPlayers: 1, maxPlayers: 2, quantity: 1 });
    expect(rs.playerAttributes.map((a) => a.default)).toEqual([
      { N: 10 },
      { S: "ranked" },
      { SL: ["a"] },
      { SDM: { a: 1 } },
    ]);
    expect(rs.rules.map((r) => r.type)).toEqual([
      "distance",
      "comparison",
      "collection",
      "latency",
      "absoluteSort",
      "distanceSort",
      "batchDistance",
      "compound",
    ]);
    expect(rs.rules[0]).toMatchObject({
      maxDistance: 5,
      partyAggregation: "avg",
      referenceValue: { kind: "number", value: 10 },
    });
    expect(rs.rules[2]).toMatchObject({ partyAggregation: "union" });
    expect(rs.rules[3]).toMatchObject({ distanceReference: "min" });
    expect(rs.expansions[0]?.on).toEqual({ kind: "rule", name: "d", field: "maxDistance" });
  });

  it("takes the body's name as a free label, the empty string included", () => {
    expect(parseRuleSet(body({ name: "" })).name).toBe("");
    expect(parseRuleSet(body({ name: "any label at all / 🙂" })).name).toBe("any label at all / 🙂");
    expect(parseRuleSet(body({ name: undefined })).name).toBeUndefined();
  });

  it("defaults a large rule set to the balanced strategy with largestPopulation batching", () => {
    const rs = parseRuleSet(
      body({ teams: [{ name: "all", minPlayers: 10, maxPlayers: 100 }], algorithm: { balancedAttribute: "skill" } }),
    );
    expect(rs.algorithm).toMatchObject({
      strategy: "balanced",
      batchingPreference: "largestPopulation",
      balancedAttribute: "skill",
    });
  });

  it("throws RuleSetValidationError naming the offending path", () => {
    const bad = rule({
      name: "d",
      type: "distance",
      measurements: ["avg(teams[*].players.attributes[skill])"],
      referenceValue: 1,
      maxDistance: "far",
    });
    expect(() => parseRuleSet(bad)).toThrow(RuleSetValidationError);
    try {
      parseRuleSet(bad);
    } catch (err) {
      expect(err).toBeInstanceOf(RuleSetValidationError);
      expect((err as RuleSetValidationError).path).toBe("rules[0].maxDistance");
      expect((err as RuleSetValidationError).message).toContain("rules[0].maxDistance");
    }
  });
});

const d = (extra: Record<string, unknown>) => ({
  name: "d",
  type: "distance",
  measurements: ["avg(teams[*].players.attributes[skill])"],
  referenceValue: 0,
  maxDistance: 1,
  ...extra,
});

describe("validateRuleSet", () => {
  const cases: [string, string, string][] = [
    ["not JSON", "{", "body"],
    ["a JSON array", "[]", "body"],
    ["a wrong language version", body({ ruleLanguageVersion: "2.0" }), "ruleLanguageVersion"],
    ["an unknown top-level property", body({ colour: "red" }), "colour"],
    ["a rule-set name that is not a string", body({ name: 5 }), "name"],
    ["no teams", body({ teams: [] }), "teams"],
    ["a duplicate team", body({ teams: [base.teams[0], base.teams[0]] }), "teams[1].name"],
    [
      "minPlayers above maxPlayers",
      body({ teams: [{ name: "a", minPlayers: 3, maxPlayers: 2 }] }),
      "teams[0].minPlayers",
    ],
    [
      "a fractional maxPlayers",
      body({ teams: [{ name: "a", minPlayers: 1, maxPlayers: 2.5 }] }),
      "teams[0].maxPlayers",
    ],
    [
      "a zero quantity",
      body({ teams: [{ name: "a", minPlayers: 1, maxPlayers: 2, quantity: 0 }] }),
      "teams[0].quantity",
    ],
    [
      "more than 200 players",
      body({
        teams: [{ name: "a", minPlayers: 1, maxPlayers: 101, quantity: 2 }],
        algorithm: { balancedAttribute: "skill" },
      }),
      "teams",
    ],
    [
      "an unknown attribute type",
      body({ playerAttributes: [{ name: "x", type: "bool" }] }),
      "playerAttributes[0].type",
    ],
    [
      "a duplicate attribute",
      body({
        playerAttributes: [
          { name: "x", type: "number" },
          { name: "x", type: "string" },
        ],
      }),
      "playerAttributes[1].name",
    ],
    [
      "a default of the wrong type",
      body({ playerAttributes: [{ name: "x", type: "number", default: "ten" }] }),
      "playerAttributes[0].default",
    ],
    ["an unknown strategy", body({ algorithm: { strategy: "fast" } }), "algorithm.strategy"],
    [
      "a batching preference of the other strategy",
      body({ algorithm: { batchingPreference: "fastestRegion" } }),
      "algorithm.batchingPreference",
    ],
    [
      "sorted without sortByAttributes",
      body({ algorithm: { batchingPreference: "sorted" } }),
      "algorithm.sortByAttributes",
    ],
    [
      "an undeclared sortByAttributes entry",
      body({ algorithm: { batchingPreference: "sorted", sortByAttributes: ["nope"] } }),
      "algorithm.sortByAttributes[0]",
    ],
    [
      "an unknown expansionAgeSelection",
      body({ algorithm: { expansionAgeSelection: "middle" } }),
      "algorithm.expansionAgeSelection",
    ],
    ["an unknown backfillPriority", body({ algorithm: { backfillPriority: "urgent" } }), "algorithm.backfillPriority"],
    [
      "balanced without balancedAttribute",
      body({ algorithm: { strategy: "balanced" } }),
      "algorithm.balancedAttribute",
    ],
    [
      "a string balancedAttribute",
      body({ algorithm: { strategy: "balanced", balancedAttribute: "mode" } }),
      "algorithm.balancedAttribute",
    ],
    [
      "exhaustiveSearch for a large match",
      body({ teams: [{ name: "a", minPlayers: 1, maxPlayers: 50 }], algorithm: { strategy: "exhaustiveSearch" } }),
      "algorithm.strategy",
    ],
    ["a rule without a name", rule({ type: "latency", maxLatency: 1 }), "rules[0].name"],
    ["an unknown rule type", rule({ name: "x", type: "magic" }), "rules[0].type"],
    [
      "a duplicate rule",
      body({
        rules: [
          { name: "l", type: "latency", maxLatency: 1 },
          { name: "l", type: "latency", maxLatency: 2 },
        ],
      }),
      "rules[1].name",
    ],
    ["an unknown rule property", rule(d({ colour: 1 })), "rules[0].colour"],
    ["a distance rule without measurements", rule(d({ measurements: undefined })), "rules[0].measurements"],
    [
      "a measurement that does not parse",
      rule(d({ measurements: ["avg(teams[*].players"] })),
      "rules[0].measurements[0]",
    ],
    [
      "a measurement with an unknown function",
      rule(d({ measurements: ["mean(teams[*].players.attributes[skill])"] })),
      "rules[0].measurements[0]",
    ],
    [
      "a measurement of an undeclared attribute",
      rule(d({ measurements: ["avg(teams[*].players.attributes[rank])"] })),
      "rules[0].measurements[0]",
    ],
    [
      "a measurement of an unknown team",
      rule(d({ measurements: ["avg(teams[green].players.attributes[skill])"] })),
      "rules[0].measurements[0]",
    ],
    ["a distance rule without bounds", rule(d({ maxDistance: undefined })), "rules[0].maxDistance"],
    ["a negative maxDistance", rule(d({ maxDistance: -1 })), "rules[0].maxDistance"],
    ["a non-numeric distance reference", rule(d({ referenceValue: "high" })), "rules[0].referenceValue"],
    ["an unknown distance partyAggregation", rule(d({ partyAggregation: "union" })), "rules[0].partyAggregation"],
    [
      "a comparison without an operation",
      rule({
        name: "c",
        type: "comparison",
        measurements: ["teams[red].players.attributes[skill]"],
        referenceValue: 1,
      }),
      "rules[0].operation",
    ],
    [
      "a reference-less comparison with <",
      rule({ name: "c", type: "comparison", measurements: ["teams[red].players.attributes[skill]"], operation: "<" }),
      "rules[0].operation",
    ],
    [
      "a collection with an unknown operation",
      rule({
        name: "c",
        type: "collection",
        measurements: ["flatten(teams[*].players.attributes[maps])"],
        operation: "union",
        minCount: 1,
      }),
      "rules[0].operation",
    ],
    [
      "a contains collection without a reference",
      rule({
        name: "c",
        type: "collection",
        measurements: ["flatten(teams[*].players.attributes[maps])"],
        operation: "contains",
        minCount: 1,
      }),
      "rules[0].referenceValue",
    ],
    [
      "a collection without counts",
      rule({
        name: "c",
        type: "collection",
        measurements: ["flatten(teams[*].players.attributes[maps])"],
        operation: "intersection",
      }),
      "rules[0].minCount",
    ],
    [
      "a collection with a fractional minCount",
      rule({
        name: "c",
        type: "collection",
        measurements: ["flatten(teams[*].players.attributes[maps])"],
        operation: "intersection",
        minCount: 1.5,
      }),
      "rules[0].minCount",
    ],
    ["a latency rule without limits", rule({ name: "l", type: "latency" }), "rules[0].maxLatency"],
    [
      "an unknown distanceReference",
      rule({ name: "l", type: "latency", maxDistance: 10, distanceReference: "max" }),
      "rules[0].distanceReference",
    ],
    [
      "a sort rule on an undeclared attribute",
      rule({ name: "s", type: "distanceSort", sortAttribute: "rank" }),
      "rules[0].sortAttribute",
    ],
    [
      "a sort rule on a string attribute",
      rule({ name: "s", type: "absoluteSort", sortAttribute: "mode" }),
      "rules[0].sortAttribute",
    ],
    [
      "a map sort rule without mapKey",
      rule({ name: "s", type: "absoluteSort", sortAttribute: "prefs" }),
      "rules[0].mapKey",
    ],
    [
      "an unknown sortDirection",
      rule({ name: "s", type: "distanceSort", sortAttribute: "skill", sortDirection: "up" }),
      "rules[0].sortDirection",
    ],
    [
      "a numeric batchDistance without maxDistance",
      rule({ name: "b", type: "batchDistance", batchAttribute: "skill" }),
      "rules[0].maxDistance",
    ],
    [
      "a batchDistance on a list attribute",
      rule({ name: "b", type: "batchDistance", batchAttribute: "maps" }),
      "rules[0].batchAttribute",
    ],
    ["a compound with bad syntax", rule({ name: "c", type: "compound", statement: "and(a" }), "rules[0].statement"],
    [
      "a compound with an unknown operator",
      rule({ name: "c", type: "compound", statement: "nand(a, b)" }),
      "rules[0].statement",
    ],
    [
      "a compound referencing a later rule",
      body({
        rules: [
          { name: "c", type: "compound", statement: "not(l)" },
          { name: "l", type: "latency", maxLatency: 1 },
        ],
      }),
      "rules[0].statement",
    ],
    [
      "a compound referencing a batchDistance rule",
      body({
        rules: [
          { name: "b", type: "batchDistance", batchAttribute: "mode" },
          { name: "c", type: "compound", statement: "not(b)" },
        ],
      }),
      "rules[1].statement",
    ],
    [
      "a large match with a distance rule",
      body({
        teams: [{ name: "a", minPlayers: 1, maxPlayers: 50 }],
        algorithm: { balancedAttribute: "skill" },
        rules: [d({})],
      }),
      "rules[0].type",
    ],
    [
      "a large match latency rule with maxDistance",
      body({
        teams: [{ name: "a", minPlayers: 1, maxPlayers: 50 }],
        algorithm: { balancedAttribute: "skill" },
        rules: [{ name: "l", type: "latency", maxDistance: 5 }],
      }),
      "rules[0].maxDistance",
    ],
    [
      "an expansion target of the wrong shape",
      body({ rules: [d({})], expansions: [{ target: "d.maxDistance", steps: [{ waitTimeSeconds: 1, value: 2 }] }] }),
      "expansions[0].target",
    ],
    [
      "an expansion of a missing rule",
      body({
        rules: [d({})],
        expansions: [{ target: "rules[x].maxDistance", steps: [{ waitTimeSeconds: 1, value: 2 }] }],
      }),
      "expansions[0].target",
    ],
    [
      "an expansion of a compound rule",
      body({
        rules: [d({}), { name: "c", type: "compound", statement: "not(d)" }],
        expansions: [{ target: "rules[c].statement", steps: [{ waitTimeSeconds: 1, value: "d" }] }],
      }),
      "expansions[0].target",
    ],
    [
      "an expansion of a team's name",
      body({ expansions: [{ target: "teams[red].name", steps: [{ waitTimeSeconds: 1, value: "x" }] }] }),
      "expansions[0].target",
    ],
    [
      "a duplicate expansion target",
      body({
        rules: [d({})],
        expansions: [
          { target: "rules[d].maxDistance", steps: [{ waitTimeSeconds: 1, value: 2 }] },
          { target: "rules[d].maxDistance", steps: [{ waitTimeSeconds: 2, value: 3 }] },
        ],
      }),
      "expansions[1].target",
    ],
    [
      "descending expansion steps",
      body({
        rules: [d({})],
        expansions: [
          {
            target: "rules[d].maxDistance",
            steps: [
              { waitTimeSeconds: 5, value: 2 },
              { waitTimeSeconds: 1, value: 3 },
            ],
          },
        ],
      }),
      "expansions[0].steps[1].waitTimeSeconds",
    ],
    [
      "an expansion value of the wrong type",
      body({
        rules: [d({})],
        expansions: [{ target: "rules[d].maxDistance", steps: [{ waitTimeSeconds: 5, value: "far" }] }],
      }),
      "expansions[0].steps[0].value",
    ],
    [
      "a fractional team expansion",
      body({ expansions: [{ target: "teams[red].minPlayers", steps: [{ waitTimeSeconds: 5, value: 0.5 }] }] }),
      "expansions[0].steps[0].value",
    ],
  ];

  it.each(cases)("rejects %s at its path", (_, text, path) => {
    const result = validateRuleSet(text);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.path)).toContain(path);
  });

  it("accepts the documented examples' shapes", () => {
    expect(validateRuleSet(body({ rules: [d({})] }))).toEqual({ valid: true, errors: [] });
  });
});
