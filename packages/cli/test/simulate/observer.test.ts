import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { describe, expect, it } from "vitest";
import type { Arrival } from "../../src/simulate/arrivals.js";
import { type EventDetail, RunObserver } from "../../src/simulate/observer.js";

const ruleSet = parseRuleSet(
  readFileSync(fileURLToPath(new URL("../../../../infra/gamelift/rulesets/arena-2v2.json", import.meta.url)), "utf8"),
);
const start = Date.parse("2026-12-07T08:00:00Z");
const players = ["a", "b", "c", "d"];
const arrivals: Arrival[] = players.map((p, i) => ({
  ticketId: `t-${p}`,
  atMs: i * 100,
  region: "",
  players: [{ playerId: p, attributes: { skill: { N: 1000 + i } }, accepts: true, answerAfterMs: 0 }],
}));
const tickets = (withTeams: boolean): EventDetail["tickets"] =>
  players.map((p, i) => ({
    ticketId: `t-${p}`,
    startTime: new Date(start + i * 100).toISOString(),
    players: [{ playerId: p, ...(withTeams ? { team: i < 2 ? "red" : "blue" } : {}) }],
  }));
const proposed: EventDetail = {
  type: "PotentialMatchCreated",
  matchId: "m-1",
  acceptanceRequired: false,
  tickets: tickets(true),
  ruleEvaluationMetrics: [{ ruleName: "FairTeamSkill", passedCount: 1, failedCount: 0 }],
};
const succeeded: EventDetail = {
  type: "MatchmakingSucceeded",
  matchId: "m-1",
  tickets: tickets(true),
  gameSessionInfo: { gameSessionArn: "arn:aws:gamelift:us-east-1::gamesession/fleet-1/gsess-1" },
};

function observe(events: readonly [EventDetail, number][]): RunObserver {
  const observer = new RunObserver({ arrivals, ruleSet, startMs: start, homeRegion: "us-east-1" });
  for (const a of arrivals) observer.submitted(a.ticketId, a.atMs);
  for (const [detail, atMs] of events) observer.onEvent(detail, start + atMs);
  return observer;
}

describe("RunObserver", () => {
  it("records a match whose MatchmakingSucceeded arrives before its PotentialMatchCreated, as if in order", () => {
    // Each event carries GameLift's own time; only the order they reach the subscription differs.
    const inOrder = observe([
      [proposed, 2_000],
      [succeeded, 3_000],
    ]);
    const early = observe([[succeeded, 3_000]]);
    expect(early.completionsAwaitingProposal).toBe(1);
    const swapped = observe([
      [succeeded, 3_000],
      [proposed, 2_000],
    ]);
    expect(swapped.completionsAwaitingProposal).toBe(0);
    expect(inOrder.matches()).toHaveLength(1);
    expect(swapped.matches()).toEqual(inOrder.matches());
    expect(swapped.matches()[0]).toMatchObject({ matchId: "m-1", formedAtSeconds: 2, completedAtSeconds: 3 });
    expect(swapped.outcomes()).toEqual(inOrder.outcomes());
    expect(swapped.outcomes().every((o) => o.status === "COMPLETED" && o.matchId === "m-1")).toBe(true);
    expect(swapped.matchCount).toBe(1);
  });

  it("records no match from a MatchmakingSucceeded whose proposal never arrives, and ends its tickets", () => {
    const observer = observe([[succeeded, 3_000]]);
    expect(observer.matches()).toEqual([]);
    expect(observer.finished).toBe(4);
    expect(observer.completionsAwaitingProposal).toBe(1);
  });
});
