import { describe, expect, it } from "vitest";
import { findMatches } from "../../../../src/engines/flexmatch/index.js";
import { NOW, ruleSet, solo } from "../helpers.js";

const oneVsOne = {
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 1 },
    { name: "blue", minPlayers: 1, maxPlayers: 1 },
  ],
};

describe("sort rules", () => {
  const pool = [
    solo("anchor", { xp: 50 }, 9),
    solo("low", { xp: 10 }, 3),
    solo("near", { xp: 48 }, 2),
    solo("high", { xp: 95 }, 1),
  ];
  const sorted = (rule: Record<string, unknown>) =>
    ruleSet({ playerAttributes: [{ name: "xp", type: "number" }], ...oneVsOne, rules: [{ name: "S", ...rule }] });

  it("distanceSort ascending pairs the anchor with the nearest value", () => {
    const [m] = findMatches(sorted({ type: "distanceSort", sortAttribute: "xp" }), pool, NOW);
    expect(m?.ticketIds).toEqual(["anchor", "near"]);
  });

  it("distanceSort descending pairs the anchor with the farthest value", () => {
    const [m] = findMatches(
      sorted({ type: "distanceSort", sortAttribute: "xp", sortDirection: "descending" }),
      pool,
      NOW,
    );
    expect(m?.ticketIds).toEqual(["anchor", "high"]);
  });

  it("absoluteSort orders candidates by value", () => {
    expect(
      findMatches(sorted({ type: "absoluteSort", sortAttribute: "xp", sortDirection: "descending" }), pool, NOW)[0]
        ?.ticketIds,
    ).toEqual(["anchor", "high"]);
    expect(
      findMatches(sorted({ type: "absoluteSort", sortAttribute: "xp", sortDirection: "ascending" }), pool, NOW)[0]
        ?.ticketIds,
    ).toEqual(["anchor", "low"]);
  });

  it("absoluteSort on a map sorts by the anchor's favourite key", () => {
    const rs = ruleSet({
      playerAttributes: [{ name: "mapPreference", type: "string_number_map", default: { defaultMap: 100 } }],
      ...oneVsOne,
      rules: [
        {
          name: "MapPreference",
          type: "absoluteSort",
          sortDirection: "descending",
          sortAttribute: "mapPreference",
          mapKey: "maxValue",
        },
      ],
    });
    const maps = [
      solo("anchor", { mapPreference: { forest: 90, desert: 10 } }, 9),
      solo("deserter", { mapPreference: { forest: 5, desert: 100 } }, 3),
      solo("ranger", { mapPreference: { forest: 80, desert: 1 } }, 2),
    ];
    expect(findMatches(rs, maps, NOW)[0]?.ticketIds).toEqual(["anchor", "ranger"]);
  });

  it("never rejects a match", () => {
    const [m] = findMatches(
      sorted({ type: "distanceSort", sortAttribute: "xp" }),
      [solo("a", { xp: 0 }), solo("b", { xp: 1e9 })],
      NOW,
    );
    expect(m?.ruleEvaluationMetrics).toEqual([{ ruleName: "S", passedCount: 0, failedCount: 0 }]);
  });
});

describe("compound rule", () => {
  // The FlexMatch blog's example: serious players need very close skill, casual ones somewhat close.
  const rs = ruleSet({
    playerAttributes: [
      { name: "skill", type: "number" },
      { name: "mode", type: "string" },
    ],
    ...oneVsOne,
    rules: [
      {
        name: "SeriousPlayers",
        type: "comparison",
        measurements: ["flatten(teams[*].players.attributes[mode])"],
        referenceValue: "serious",
        operation: "=",
      },
      {
        name: "CasualPlayers",
        type: "comparison",
        measurements: ["flatten(teams[*].players.attributes[mode])"],
        referenceValue: "casual",
        operation: "=",
      },
      {
        name: "VeryCloseSkill",
        type: "distance",
        measurements: ["max(flatten(teams[*].players.attributes[skill]))"],
        referenceValue: "min(flatten(teams[*].players.attributes[skill]))",
        maxDistance: 10,
      },
      {
        name: "SomewhatCloseSkill",
        type: "distance",
        measurements: ["max(flatten(teams[*].players.attributes[skill]))"],
        referenceValue: "min(flatten(teams[*].players.attributes[skill]))",
        maxDistance: 100,
      },
      {
        name: "Modes",
        type: "compound",
        statement: "or(and(SeriousPlayers, VeryCloseSkill), and(CasualPlayers, SomewhatCloseSkill))",
      },
    ],
  });

  it.each([
    ["serious", 5, true],
    ["serious", 50, false],
    ["casual", 50, true],
    ["casual", 500, false],
  ] as const)("%s players %d apart → %s", (mode, gap, matches) => {
    expect(
      findMatches(rs, [solo("a", { skill: 100, mode }), solo("b", { skill: 100 + gap, mode })], NOW).length === 1,
    ).toBe(matches);
  });

  it("never mixes modes (neither branch holds)", () => {
    expect(
      findMatches(rs, [solo("a", { skill: 100, mode: "serious" }), solo("b", { skill: 100, mode: "casual" })], NOW),
    ).toHaveLength(0);
  });

  it("reports the compound rule in the metrics", () => {
    const [m] = findMatches(
      rs,
      [solo("a", { skill: 100, mode: "casual" }), solo("b", { skill: 150, mode: "casual" })],
      NOW,
    );
    expect(m?.ruleEvaluationMetrics.find((r) => r.ruleName === "Modes")?.passedCount).toBeGreaterThan(0);
  });

  const logic = (statement: string) =>
    ruleSet({
      playerAttributes: [{ name: "skill", type: "number" }],
      ...oneVsOne,
      rules: [
        {
          name: "High",
          type: "comparison",
          measurements: ["flatten(teams[*].players.attributes[skill])"],
          referenceValue: 50,
          operation: ">",
        },
        {
          name: "Even",
          type: "distance",
          measurements: ["max(flatten(teams[*].players.attributes[skill]))"],
          referenceValue: "min(flatten(teams[*].players.attributes[skill]))",
          maxDistance: 0,
        },
        { name: "X", type: "compound", statement },
      ],
    });
  const even = [solo("a", { skill: 10 }), solo("b", { skill: 10 })]; // High false, Even true
  const high = [solo("a", { skill: 60 }), solo("b", { skill: 70 })]; // High true, Even false
  const both = [solo("a", { skill: 60 }), solo("b", { skill: 60 })]; // both true

  it.each([
    ["not(High)", even, true],
    ["not(High)", high, false],
    ["xor(High, Even)", even, true],
    ["xor(High, Even)", high, true],
    ["xor(High, Even)", both, false],
    ["and(High, Even)", both, true],
    ["and(High, Even)", high, false],
    ["or(High, Even)", high, true],
    ["or(not(High), not(Even))", both, false],
  ] as const)("%s", (statement, pool, matches) => {
    expect(findMatches(logic(statement), pool, NOW).length === 1).toBe(matches);
  });
});
