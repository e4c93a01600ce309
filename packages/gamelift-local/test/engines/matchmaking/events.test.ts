import { describe, expect, it } from "vitest";
import { duelRuleSet, Harness, topic } from "./harness.js";

describe("matchmaking events", () => {
  it("wraps every event in GameLift's envelope, published to the NotificationTarget", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");

    await h.tick(1500);

    expect(h.published).toHaveLength(1);
    const { topic: target, event } = h.published[0] ?? {};
    expect(target).toBe(topic);
    expect(event).toEqual({
      version: "0",
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      "detail-type": "GameLift Matchmaking Event",
      source: "aws.gamelift",
      account: "123456789012",
      time: "2026-01-01T00:00:01.500Z",
      region: "us-east-1",
      resources: ["arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/cfg"],
      detail: {
        type: "MatchmakingSearching",
        tickets: [{ ticketId: "t1", startTime: "2026-01-01T00:00:00.000Z", players: [{ playerId: "p1" }] }],
        estimatedWaitMillis: "NOT_AVAILABLE",
        gameSessionInfo: { players: [{ playerId: "p1" }] },
      },
    });
  });

  it("gives every event a fresh id", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.start("t2", "p2");

    await h.tick();

    const ids = h.published.map((p) => p.event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carries CustomEventData in every event as customEventData", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet, { CustomEventData: "arena-v1" });
    await h.start("t1", "p1");
    await h.start("t2", "p2");
    await h.start("t3", "p3");
    await h.tick();
    await h.call("StopMatchmaking", { TicketId: "t3" });

    const types = h.eventTypes();
    expect(types).toEqual(
      expect.arrayContaining([
        "MatchmakingSearching",
        "PotentialMatchCreated",
        "MatchmakingSucceeded",
        "MatchmakingCancelled",
      ]),
    );
    expect(h.events().every((d) => d.customEventData === "arena-v1")).toBe(true);
  });

  it("describes a PotentialMatchCreated with matchId, teams and rule metrics, no acceptanceTimeout when not required", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.start("t2", "p2");

    await h.tick();

    const created = h.events("PotentialMatchCreated")[0];
    expect(created).toMatchObject({ acceptanceRequired: false, ruleEvaluationMetrics: [] });
    expect(created?.matchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).not.toHaveProperty("acceptanceTimeout");
    expect(created?.tickets.flatMap((t) => t.players.map((p) => p.team)).sort()).toEqual(["blue", "red"]);
    expect(h.events("MatchmakingSucceeded")[0]?.matchId).toBe(created?.matchId);
  });

  it("reports estimatedWaitMillis in seconds once matches have been made", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.tick(4000);
    await h.start("t2", "p2");
    await h.tick(2000);

    await h.start("t3", "p3");
    await h.tick();

    // t1 waited 6 s and t2 2 s: the estimate is their average, in seconds.
    const searching = h.events("MatchmakingSearching").find((d) => d.tickets[0]?.ticketId === "t3");
    expect(searching?.estimatedWaitMillis).toBe(4);
  });

  it("carries customEventData and the configuration ARN on all eight event types", async () => {
    const h = new Harness();
    const queue = "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/arena";
    await h.setUp(duelRuleSet, {
      FlexMatchMode: "WITH_QUEUE",
      GameSessionQueueArns: [queue],
      AcceptanceRequired: true,
      AcceptanceTimeoutSeconds: 10,
      RequestTimeoutSeconds: 30,
      CustomEventData: "ce",
    });
    await h.start("t1", "p1");
    await h.start("t2", "p2");
    await h.tick();
    await h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" });
    await h.call("AcceptMatch", { TicketId: "t2", PlayerIds: ["p2"], AcceptanceType: "ACCEPT" });
    await h.tick();
    h.placer.fulfill(h.placer.requests[0]?.placementId ?? "");
    await h.tick();
    await h.start("t3", "p3");
    await h.start("t4", "p4");
    await h.tick();
    await h.call("AcceptMatch", { TicketId: "t3", PlayerIds: ["p3"], AcceptanceType: "ACCEPT" });
    await h.call("AcceptMatch", { TicketId: "t4", PlayerIds: ["p4"], AcceptanceType: "ACCEPT" });
    await h.tick();
    h.placer.finish(h.placer.requests[1]?.placementId ?? "", "FAILED");
    await h.tick();
    await h.start("t5", "p5");
    await h.start("t6", "p6");
    await h.tick();
    await h.call("StopMatchmaking", { TicketId: "t6" });
    await h.tick(30_000);

    const types = new Set(h.eventTypes());
    expect([...types].sort()).toEqual([
      "AcceptMatch",
      "AcceptMatchCompleted",
      "MatchmakingCancelled",
      "MatchmakingFailed",
      "MatchmakingSearching",
      "MatchmakingSucceeded",
      "MatchmakingTimedOut",
      "PotentialMatchCreated",
    ]);
    for (const { topic: target, event } of h.published) {
      expect(target).toBe(topic);
      expect(event.detail.customEventData).toBe("ce");
      expect(event.resources).toEqual(["arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/cfg"]);
      expect(event.detail.gameSessionInfo.players.length).toBeGreaterThan(0);
    }
  });
});
