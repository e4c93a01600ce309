import { matchResultEvent, openskillModel, type MatchResult } from "@matchplace/core";
import { describe, expect, it } from "vitest";
import { matchEvent, matchResultRecordedEvent } from "../../src/schemas/index.js";

const result: MatchResult = {
  gameSessionArn: "arn:aws:gamelift:us-east-1::gamesession/fleet-a/gs-1",
  pool: "arena",
  report: {
    teams: [
      { team: "red", rank: 1 },
      { team: "blue", score: 2 },
    ],
    leftEarly: ["p2"],
  },
  reportHash: "{}",
  changes: [
    {
      playerId: "p1",
      team: "red",
      before: { mu: 25, sigma: 25 / 3, matches: 0 },
      after: { mu: 27, sigma: 8, matches: 1 },
    },
    {
      playerId: "p2",
      team: "blue",
      before: { mu: 25, sigma: 25 / 3, matches: 0 },
      after: { mu: 23, sigma: 8, matches: 1 },
    },
  ],
  recordedAt: Date.parse("2026-12-06T18:00:00Z"),
};

describe("MatchResultRecorded", () => {
  it("is what core publishes: valid against the published schema, with old and new display ratings", () => {
    const out = matchResultEvent(result, openskillModel);

    expect(matchResultRecordedEvent().parse(out.event)).toEqual(out.event);
    expect(matchEvent().parse(out.event)).toMatchObject({
      type: "MatchResultRecorded",
      id: `result:${result.gameSessionArn}`,
    });
    expect(out.attributes).toEqual({ type: "MatchResultRecorded", configurationName: "arena" });
    expect(out.event).toMatchObject({
      players: [{ playerId: "p1", before: { display: 0 }, after: { display: 3 } }, { playerId: "p2" }],
      leftEarly: ["p2"],
    });
  });
});
