import { describe, expect, it } from "vitest";
import { effectiveRuleSet, findMatches, parseRuleSet } from "../../../src/engines/flexmatch/index.js";
import { arenaBody, NOW, solo } from "./helpers.js";

describe("arena-2v2 (the default local rule set)", () => {
  it("parses", () => {
    const rs = parseRuleSet(arenaBody());
    expect(rs.teams.map((t) => t.name)).toEqual(["red", "blue"]);
    expect(rs.rules[0]?.type).toBe("distance");
  });

  it("matches four players of similar skill into two teams of two", () => {
    const rs = parseRuleSet(arenaBody());
    const pool = [
      solo("a", { skill: 1000 }, 5),
      solo("b", { skill: 1050 }, 4),
      solo("c", { skill: 980 }, 3),
      solo("d", { skill: 1020 }, 2),
    ];
    const matches = findMatches(rs, pool, NOW);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.ticketIds).toEqual(["a", "b", "c", "d"]);
    expect(matches[0]?.teams.map((t) => t.players.length)).toEqual([2, 2]);
  });

  it("keeps a lopsided pool apart until the expansion relaxes maxDistance", () => {
    const rs = parseRuleSet(arenaBody());
    // Best split: 1000+1000 vs 1000+1500 → averages 1000 and 1250, each 125 from the 1125 overall.
    const pool = (age: number) => [
      solo("a", { skill: 1000 }, age),
      solo("b", { skill: 1000 }, age),
      solo("c", { skill: 1000 }, age),
      solo("d", { skill: 1500 }, age),
    ];
    expect(findMatches(rs, pool(0), NOW)).toHaveLength(0);
    expect(effectiveRuleSet(rs, 12).rules[0]).toMatchObject({ maxDistance: 300 });
    expect(findMatches(rs, pool(12), NOW)).toHaveLength(1);
  });

  it("fills in defaults for players without attributes", () => {
    const rs = parseRuleSet(arenaBody());
    const pool = ["a", "b", "c", "d"].map((id) => ({
      ticketId: id,
      startTime: NOW,
      players: [{ playerId: id, attributes: {} }],
    }));
    expect(findMatches(rs, pool, NOW)).toHaveLength(1);
  });
});
