import { describe, expect, it } from "vitest";
import {
  catalogDocument,
  checkClientAttributes,
  createCatalog,
  playerAttributes,
} from "../../../src/domain/matchmaking/index.js";
import { InvalidInputError } from "../../../src/errors.js";
import { newPlayer } from "../../../src/domain/player/types.js";
import { playerView } from "../../../src/domain/player/profile.js";
import { arenaFiles } from "./catalogFixture.js";

const profile = createCatalog(catalogDocument(arenaFiles)).defaultConfiguration;

describe("the catalog built from the arena files", () => {
  it("takes the arena rule set's attributes and declares only mode client-settable", () => {
    expect(profile.attributes.map((a) => `${a.name}:${a.type}`)).toEqual(["skill:number", "mode:string_list"]);
    expect(profile.clientSettable).toEqual(["mode"]);
  });
});

describe("checkClientAttributes", () => {
  it.each([
    ["skill (server-side)", { skill: 5 }, "body.attributes.skill"],
    ["an attribute the rule set does not declare", { region: "x" }, "body.attributes.region"],
    ["mode as a plain string", { mode: "ranked" }, "body.attributes.mode"],
    ["mode with a number inside", { mode: ["ranked", 3] }, "body.attributes.mode"],
  ])("refuses %s naming the field", (_name, attributes, field) => {
    try {
      checkClientAttributes(profile, attributes, "body.attributes");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
    }
  });

  it("accepts mode as a string list", () => {
    expect(checkClientAttributes(profile, { mode: ["casual"] }, "body.attributes")).toEqual({ mode: ["casual"] });
  });
});

describe("playerAttributes", () => {
  it("uses the record's skill, the request's mode, else the stored preference", () => {
    const player = { ...newPlayer("p", 0), skill: 1234, preferences: { mode: ["ranked"] } };
    expect(playerAttributes(profile, player, { mode: ["casual"] })).toEqual({ skill: 1234, mode: ["casual"] });
    expect(playerAttributes(profile, player, {})).toEqual({ skill: 1234, mode: ["ranked"] });
  });

  it("leaves unset client attributes to the rule set's default", () => {
    expect(playerAttributes(profile, newPlayer("p", 0), {})).toEqual({ skill: 1000 });
  });
});

describe("players", () => {
  it("start with skill 1000, no ratings and no preferences", () => {
    const view = playerView(newPlayer("p", Date.parse("2026-01-01T00:00:00Z")));
    expect(view).toEqual({
      playerId: "p",
      skill: 1000,
      ratings: {},
      preferences: {},
      createdAt: "2026-01-01T00:00:00.000Z",
    });
  });

  it("show each pool's rating with its display rating mu - 3 sigma", () => {
    const player = { ...newPlayer("p", 0), ratings: { arena: { mu: 30, sigma: 5, matches: 2 } } };
    expect(playerView(player, { skill: 1600 })).toMatchObject({
      skill: 1600,
      ratings: { arena: { mu: 30, sigma: 5, display: 15, matches: 2 } },
    });
  });
});
