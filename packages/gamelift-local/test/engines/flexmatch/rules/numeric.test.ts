import { describe, expect, it } from "vitest";
import { findMatches } from "../../../../src/engines/flexmatch/index.js";
import { NOW, party, ruleSet, solo, teamTickets } from "../helpers.js";

const twoSolo = {
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 1 },
    { name: "blue", minPlayers: 1, maxPlayers: 1 },
  ],
};
const skill = [{ name: "skill", type: "number" }];

describe("distance rule", () => {
  const rs = ruleSet({
    playerAttributes: skill,
    teams: [
      { name: "red", minPlayers: 2, maxPlayers: 2 },
      { name: "blue", minPlayers: 2, maxPlayers: 2 },
    ],
    rules: [
      {
        name: "FairTeamSkill",
        type: "distance",
        measurements: ["avg(teams[*].players.attributes[skill])"],
        referenceValue: "avg(flatten(teams[*].players.attributes[skill]))",
        maxDistance: 10,
      },
    ],
  });

  it("matches when every team average is within maxDistance of the match average", () => {
    const pool = [
      solo("a", { skill: 100 }, 4),
      solo("b", { skill: 120 }, 3),
      solo("c", { skill: 110 }, 2),
      solo("d", { skill: 90 }, 1),
    ];
    const [m] = findMatches(rs, pool, NOW);
    expect(m?.ticketIds).toEqual(["a", "b", "c", "d"]);
    expect(m?.ruleEvaluationMetrics[0]).toMatchObject({ ruleName: "FairTeamSkill" });
    expect(m?.ruleEvaluationMetrics[0]?.passedCount).toBeGreaterThan(0);
  });

  it("does not match when no split brings the averages within maxDistance", () => {
    const pool = [
      solo("a", { skill: 0 }),
      solo("b", { skill: 0 }),
      solo("c", { skill: 100 }),
      solo("d", { skill: 100 }),
    ];
    // Best split {0,100} vs {0,100} has distance 0: it matches. Make it impossible instead:
    const lopsided = [
      solo("a", { skill: 0 }),
      solo("b", { skill: 0 }),
      solo("c", { skill: 0 }),
      solo("d", { skill: 100 }),
    ];
    expect(findMatches(rs, pool, NOW)).toHaveLength(1);
    expect(findMatches(rs, lopsided, NOW)).toHaveLength(0);
  });

  it("honours minDistance against a literal reference", () => {
    const far = ruleSet({
      playerAttributes: skill,
      ...twoSolo,
      rules: [
        {
          name: "Veteran",
          type: "distance",
          measurements: "flatten(teams[*].players.attributes[skill])",
          referenceValue: 0,
          minDistance: 50,
        },
      ],
    });
    expect(findMatches(far, [solo("a", { skill: 60 }), solo("b", { skill: 70 })], NOW)).toHaveLength(1);
    expect(findMatches(far, [solo("a", { skill: 60 }), solo("b", { skill: 10 })], NOW)).toHaveLength(0);
  });

  it.each([
    ["min", true], // the party counts as 10
    ["avg", true], // 50
    ["max", false], // 90
  ] as const)("measures a party by partyAggregation %s", (partyAggregation, matches) => {
    const rs = ruleSet({
      playerAttributes: skill,
      teams: [
        { name: "red", minPlayers: 2, maxPlayers: 2 },
        { name: "blue", minPlayers: 1, maxPlayers: 1 },
      ],
      rules: [
        {
          name: "Cap",
          type: "distance",
          measurements: "flatten(teams[*].players.attributes[skill])",
          referenceValue: 0,
          maxDistance: 50,
          partyAggregation,
        },
      ],
    });
    const pool = [party("p", [{ skill: 10 }, { skill: 90 }]), solo("s", { skill: 40 })];
    expect(findMatches(rs, pool, NOW).length === 1).toBe(matches);
  });
});

describe("comparison rule", () => {
  const cmp = (rule: Record<string, unknown>) =>
    ruleSet({
      playerAttributes: [
        { name: "skill", type: "number" },
        { name: "character", type: "string" },
      ],
      ...twoSolo,
      rules: [{ name: "C", type: "comparison", ...rule }],
    });

  it.each([
    ["<", 100, true],
    ["<", 50, false],
    ["<=", 50, true],
    ["<=", 49, false],
    ["=", 50, true],
    ["=", 51, false],
    [">", 10, true],
    [">", 50, false],
    [">=", 50, true],
    [">=", 51, false],
    ["!=", 20, true],
    ["!=", 50, false],
  ] as const)("compares every value %s %d against the reference → %s", (operation, referenceValue, matches) => {
    // Skills 50 and 50 except where noted: both must satisfy the comparison.
    const rs = cmp({ measurements: ["flatten(teams[*].players.attributes[skill])"], referenceValue, operation });
    expect(
      findMatches(rs, [solo("a", { skill: 50, character: "x" }), solo("b", { skill: 50, character: "y" })], NOW)
        .length === 1,
    ).toBe(matches);
  });

  it("requires all values equal with = and no reference", () => {
    const rs = cmp({ measurements: ["flatten(teams[*].players.attributes[character])"], operation: "=" });
    expect(
      findMatches(rs, [solo("a", { skill: 1, character: "x" }), solo("b", { skill: 1, character: "x" })], NOW),
    ).toHaveLength(1);
    expect(
      findMatches(rs, [solo("a", { skill: 1, character: "x" }), solo("b", { skill: 1, character: "y" })], NOW),
    ).toHaveLength(0);
  });

  it("requires all values distinct with != and no reference", () => {
    const rs = cmp({ measurements: ["flatten(teams[*].players.attributes[character])"], operation: "!=" });
    expect(
      findMatches(rs, [solo("a", { skill: 1, character: "x" }), solo("b", { skill: 1, character: "y" })], NOW),
    ).toHaveLength(1);
    expect(
      findMatches(rs, [solo("a", { skill: 1, character: "x" }), solo("b", { skill: 1, character: "x" })], NOW),
    ).toHaveLength(0);
  });

  it("compares against a string literal reference", () => {
    const rs = cmp({
      measurements: ["teams[red].players.attributes[character]"],
      referenceValue: "healer",
      operation: "=",
    });
    const [m] = findMatches(
      rs,
      [solo("a", { skill: 1, character: "tank" }), solo("b", { skill: 1, character: "healer" })],
      NOW,
    );
    expect(teamTickets(m ?? { teams: [] })).toEqual({ red: ["b"], blue: ["a"] });
  });

  it("compares team sizes with count() only once the match is complete (EqualTeamSizes)", () => {
    const rs = ruleSet({
      playerAttributes: skill,
      teams: [
        { name: "cowboys", minPlayers: 2, maxPlayers: 3 },
        { name: "aliens", minPlayers: 2, maxPlayers: 3 },
      ],
      rules: [
        {
          name: "EqualTeamSizes",
          type: "comparison",
          measurements: ["count(teams[cowboys].players)"],
          referenceValue: "count(teams[aliens].players)",
          operation: "=",
        },
      ],
    });
    const five = ["a", "b", "c", "d", "e"].map((id, i) => solo(id, { skill: 1 }, 10 - i));
    const [m] = findMatches(rs, five, NOW);
    expect(m?.teams.map((t) => t.players.length)).toEqual([2, 2]);
    expect(m?.ticketIds).toEqual(["a", "b", "c", "d"]);
  });
});

describe("batchDistance rule", () => {
  it("keeps numeric values within maxDistance of each other", () => {
    const rs = ruleSet({
      playerAttributes: skill,
      ...twoSolo,
      rules: [{ name: "B", type: "batchDistance", batchAttribute: "skill", maxDistance: "10" }],
    });
    const pool = [solo("a", { skill: 100 }, 3), solo("b", { skill: 130 }, 2), solo("c", { skill: 108 }, 1)];
    const [m, ...rest] = findMatches(rs, pool, NOW);
    expect(m?.ticketIds).toEqual(["a", "c"]);
    expect(rest).toHaveLength(0);
  });

  it("keeps string values equal", () => {
    const rs = ruleSet({
      playerAttributes: [{ name: "mode", type: "string" }],
      ...twoSolo,
      rules: [{ name: "B", type: "batchDistance", batchAttribute: "mode" }],
    });
    const pool = [solo("a", { mode: "ctf" }, 3), solo("b", { mode: "tdm" }, 2), solo("c", { mode: "ctf" }, 1)];
    expect(findMatches(rs, pool, NOW).map((m) => m.ticketIds)).toEqual([["a", "c"]]);
  });
});
