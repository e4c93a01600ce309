import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { expansionStep, ruleSetsByConfiguration } from "../../src/dashboard/expansion.js";
import { DashboardModel } from "../../src/dashboard/DashboardModel.js";

const raw = readFileSync(new URL("../../../../infra/gamelift/rulesets/arena-2v2.json", import.meta.url), "utf8");
const arena = parseRuleSet(raw);

describe("the expansion step of a match", () => {
  it.each([
    [[4, 2], "base values at 2 s"],
    [[12, 11], "rules[FairTeamSkill].maxDistance step 1 at 11 s"],
    [[45, 31], "rules[FairTeamSkill].maxDistance step 2 at 31 s"],
  ])("tickets aged %j → %s (the newest ticket's age drives expansions)", (ages, expected) => {
    expect(expansionStep(arena, ages)).toBe(expected);
  });

  it("follows the oldest ticket when the rule set says so, and says when a rule set has no expansions", () => {
    const oldest = parseRuleSet(
      JSON.stringify({
        ...JSON.parse(raw),
        algorithm: { ...JSON.parse(raw).algorithm, expansionAgeSelection: "oldest" },
      }),
    );
    const none = parseRuleSet(JSON.stringify({ ...JSON.parse(raw), expansions: [] }));

    expect(expansionStep(oldest, [12, 2])).toBe("rules[FairTeamSkill].maxDistance step 1 at 12 s");
    expect(expansionStep(none, [50])).toBe("none in the rule set");
  });

  it("maps configurations to their parsed rule sets, leaving out one whose rule set does not parse", () => {
    const map = ruleSetsByConfiguration(
      [
        { Name: "arena", RuleSetName: "arena-2v2" },
        { Name: "broken", RuleSetName: "bad" },
      ],
      [
        { name: "arena-2v2", raw },
        { name: "bad", raw: "{" },
      ],
    );

    expect([...map.keys()]).toEqual(["arena"]);
  });

  it("shows the step on the match the dashboard lists", () => {
    const model = new DashboardModel();
    model.apply({
      kind: "notification",
      at: 1,
      topic: "t",
      type: "PotentialMatchCreated",
      ticketIds: ["a"],
      matchId: "m1",
      expansion: "base values at 2 s",
    });
    model.apply({
      kind: "ticket",
      at: 2,
      ticket: {
        ticketId: "a",
        status: "PLACING",
        playerIds: ["pa"],
        teams: { pa: "red" },
        matchId: "m1",
        createdAt: 0,
        updatedAt: 2,
      },
    });

    expect(model.view(3).matches[0]?.expansion).toBe("base values at 2 s");
  });
});
