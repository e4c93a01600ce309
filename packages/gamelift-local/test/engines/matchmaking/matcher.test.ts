import { describe, expect, it } from "vitest";
import { parseRuleSet } from "../../../src/engines/flexmatch/index.js";
import {
  fillRuleSet,
  matchmakerAttributes,
  maxPlayersOf,
  teamNamesOf,
} from "../../../src/engines/matchmaking/matcher.js";

const ruleSetWith = (teams: { name: string; minPlayers: number; maxPlayers: number; quantity?: number }[]) =>
  parseRuleSet(
    JSON.stringify({
      ruleLanguageVersion: "1.0",
      playerAttributes: [
        { name: "skill", type: "number", default: 1000 },
        { name: "modes", type: "string_list" },
        { name: "ping", type: "string_number_map", default: { eu: 20 } },
        { name: "title", type: "string", default: "rookie" },
      ],
      teams,
    }),
  );

describe("fillRuleSet (AdditionalPlayerCount)", () => {
  it.each([
    { name: "one 12-person team, 2 open", teams: [{ name: "all", minPlayers: 1, maxPlayers: 12 }], open: 2, fill: 10 },
    {
      name: "two teams share the open slots",
      teams: [
        { name: "a", minPlayers: 1, maxPlayers: 5 },
        { name: "b", minPlayers: 1, maxPlayers: 5 },
      ],
      open: 3,
      fill: 7,
    },
    { name: "never below minPlayers", teams: [{ name: "all", minPlayers: 4, maxPlayers: 5 }], open: 3, fill: 4 },
    { name: "nothing open", teams: [{ name: "all", minPlayers: 1, maxPlayers: 5 }], open: 0, fill: 5 },
  ])("$name", ({ teams, open, fill }) => {
    const ruleSet = ruleSetWith(teams);

    const filled = fillRuleSet(ruleSet, { AdditionalPlayerCount: open, FlexMatchMode: "WITH_QUEUE" });

    expect(maxPlayersOf(filled)).toBe(fill);
    expect(maxPlayersOf(ruleSet)).toBe(teams.reduce((n, t) => n + t.maxPlayers, 0));
  });

  it("ignores AdditionalPlayerCount for STANDALONE", () => {
    const ruleSet = ruleSetWith([{ name: "all", minPlayers: 1, maxPlayers: 12 }]);

    expect(maxPlayersOf(fillRuleSet(ruleSet, { AdditionalPlayerCount: 2, FlexMatchMode: "STANDALONE" }))).toBe(12);
  });
});

describe("teamNamesOf", () => {
  it("numbers quantity clones and keeps single teams as declared", () => {
    const ruleSet = ruleSetWith([
      { name: "red", minPlayers: 1, maxPlayers: 2 },
      { name: "squad", minPlayers: 1, maxPlayers: 2, quantity: 3 },
    ]);

    expect(teamNamesOf(ruleSet)).toEqual(["red", "squad1", "squad2", "squad3"]);
  });
});

describe("matchmakerAttributes", () => {
  it("types declared attributes, fills defaults and drops undeclared ones", () => {
    const ruleSet = ruleSetWith([{ name: "all", minPlayers: 1, maxPlayers: 2 }]);

    const attributes = matchmakerAttributes(ruleSet, {
      PlayerId: "p1",
      PlayerAttributes: { skill: { N: 1500 }, modes: { SL: ["duel"] }, secret: { S: "x" } },
    });

    expect(attributes).toEqual({
      skill: { attributeType: "DOUBLE", valueAttribute: 1500 },
      modes: { attributeType: "STRING_LIST", valueAttribute: ["duel"] },
      ping: { attributeType: "STRING_DOUBLE_MAP", valueAttribute: { eu: 20 } },
      title: { attributeType: "STRING", valueAttribute: "rookie" },
    });
  });
});
