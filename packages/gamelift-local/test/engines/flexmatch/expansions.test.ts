import { describe, expect, it } from "vitest";
import { effectiveRuleSet, findMatches, parseRuleSet } from "../../../src/engines/flexmatch/index.js";
import { arenaBody, NOW, ruleSet, solo } from "./helpers.js";

describe("effectiveRuleSet", () => {
  const arena = parseRuleSet(arenaBody());

  it.each([
    [0, 100],
    [9.9, 100],
    [10, 300],
    [29.5, 300],
    [30, 1000],
    [3600, 1000],
  ])("at %d s the arena's maxDistance is %d", (age, maxDistance) => {
    expect(effectiveRuleSet(arena, age).rules[0]).toMatchObject({ maxDistance });
  });

  it("leaves the original rule set untouched", () => {
    effectiveRuleSet(arena, 60);
    expect(arena.rules[0]).toMatchObject({ maxDistance: 100 });
  });

  it("expands team sizes and reference values", () => {
    const rs = ruleSet({
      playerAttributes: [{ name: "skill", type: "number" }],
      teams: [{ name: "players", minPlayers: 5, maxPlayers: 5 }],
      rules: [
        {
          name: "Floor",
          type: "comparison",
          measurements: ["flatten(teams[*].players.attributes[skill])"],
          referenceValue: 50,
          operation: ">=",
        },
      ],
      expansions: [
        {
          target: "teams[players].minPlayers",
          steps: [
            { waitTimeSeconds: 30, value: 4 },
            { waitTimeSeconds: 60, value: 3 },
          ],
        },
        { target: "rules[Floor].referenceValue", steps: [{ waitTimeSeconds: 20, value: 10 }] },
      ],
    });
    expect(effectiveRuleSet(rs, 45).teams[0]?.minPlayers).toBe(4);
    expect(effectiveRuleSet(rs, 61).teams[0]?.minPlayers).toBe(3);
    expect(effectiveRuleSet(rs, 21).rules[0]).toMatchObject({ referenceValue: { kind: "number", value: 10 } });
  });
});

describe("expansions while matching", () => {
  it("relaxes minPlayers by ticket age (the docs' hunters)", () => {
    const rs = ruleSet({
      teams: [{ name: "players", minPlayers: 5, maxPlayers: 5 }],
      expansions: [
        {
          target: "teams[players].minPlayers",
          steps: [
            { waitTimeSeconds: 30, value: 4 },
            { waitTimeSeconds: 60, value: 3 },
          ],
        },
      ],
    });
    const pool = (age: number, n: number) => Array.from({ length: n }, (_, i) => solo(`h${i}`, {}, age));
    expect(findMatches(rs, pool(0, 4), NOW)).toHaveLength(0);
    expect(findMatches(rs, pool(30, 4), NOW)).toHaveLength(1);
    expect(findMatches(rs, pool(30, 3), NOW)).toHaveLength(0);
    expect(findMatches(rs, pool(60, 3), NOW)).toHaveLength(1);
  });

  const selection = (expansionAgeSelection: "newest" | "oldest") =>
    ruleSet({
      algorithm: { expansionAgeSelection },
      playerAttributes: [{ name: "skill", type: "number" }],
      teams: [
        { name: "red", minPlayers: 1, maxPlayers: 1 },
        { name: "blue", minPlayers: 1, maxPlayers: 1 },
      ],
      rules: [
        {
          name: "Close",
          type: "distance",
          measurements: ["max(flatten(teams[*].players.attributes[skill]))"],
          referenceValue: "min(flatten(teams[*].players.attributes[skill]))",
          maxDistance: 10,
        },
      ],
      expansions: [{ target: "rules[Close].maxDistance", steps: [{ waitTimeSeconds: 30, value: 1000 }] }],
    });
  const oldAndNew = [solo("old", { skill: 100 }, 40), solo("new", { skill: 600 }, 0)];

  it("with expansionAgeSelection newest, the newest ticket's age rules the match", () => {
    expect(findMatches(selection("newest"), oldAndNew, NOW)).toHaveLength(0);
  });

  it("with expansionAgeSelection oldest, the oldest ticket's age rules the match", () => {
    expect(findMatches(selection("oldest"), oldAndNew, NOW)).toHaveLength(1);
  });

  it("relaxes once every ticket is old enough under newest", () => {
    expect(
      findMatches(selection("newest"), [solo("old", { skill: 100 }, 40), solo("new", { skill: 600 }, 30)], NOW),
    ).toHaveLength(1);
  });
});
