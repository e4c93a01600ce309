import { describe, expect, it } from "vitest";
import { Harness, squadRuleSet } from "./harness.js";

const queue = "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/arena";

async function placing(config: Record<string, unknown> = {}): Promise<Harness> {
  const h = new Harness();
  await h.setUp(squadRuleSet, {
    FlexMatchMode: "WITH_QUEUE",
    GameSessionQueueArns: [queue],
    GameProperties: [{ Key: "mode", Value: "arena" }],
    GameSessionData: "map=dust",
    AdditionalPlayerCount: 2,
    ...config,
  });
  await h.call("StartMatchmaking", {
    TicketId: "t1",
    ConfigurationName: "cfg",
    Players: [
      { PlayerId: "a1", PlayerAttributes: { skill: { N: 1200 } }, LatencyInMs: { "us-east-1": 40 } },
      { PlayerId: "a2", PlayerAttributes: { skill: { N: "900" } } },
    ],
  });
  await h.start("t2", "b1", "b2");
  await h.tick();
  return h;
}

describe("WITH_QUEUE matches", () => {
  it("moves matched tickets to PLACING and asks the queue for a session", async () => {
    const h = await placing();

    expect((await h.ticket("t1")).Status).toBe("PLACING");
    expect(h.placer.requests).toHaveLength(1);
    const request = h.placer.requests[0];
    expect(request).toMatchObject({
      queueArns: [queue],
      maximumPlayerSessionCount: 4,
      gameProperties: [{ Key: "mode", Value: "arena" }],
      gameSessionData: "map=dust",
    });
    expect(request?.players).toEqual(
      expect.arrayContaining([{ playerId: "a1", latencyInMs: { "us-east-1": 40 } }, { playerId: "b2" }]),
    );
  });

  it("keeps AdditionalPlayerCount slots open: fewer players matched, the session sized for all", async () => {
    const h = new Harness();
    const ruleSet = JSON.stringify({
      ruleLanguageVersion: "1.0",
      teams: [
        { name: "red", minPlayers: 1, maxPlayers: 3 },
        { name: "blue", minPlayers: 1, maxPlayers: 3 },
      ],
    });
    await h.setUp(ruleSet, { FlexMatchMode: "WITH_QUEUE", GameSessionQueueArns: [queue], AdditionalPlayerCount: 2 });
    for (const p of ["p1", "p2", "p3", "p4", "p5", "p6"]) await h.start(p, p);

    await h.tick();

    const request = h.placer.requests[0];
    expect(request?.maximumPlayerSessionCount).toBe(6);
    expect(request?.players.length).toBeLessThanOrEqual(4);
    expect(request?.players.length).toBeGreaterThanOrEqual(2);
  });

  it("writes the documented MatchmakerData for the game session", async () => {
    const h = await placing();

    const data = JSON.parse(h.placer.requests[0]?.matchmakerData ?? "{}") as Record<string, unknown>;

    expect(data).toMatchObject({
      matchId: h.events("PotentialMatchCreated")[0]?.matchId,
      matchmakingConfigurationArn: "arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/cfg",
      autoBackfillTicketId: null,
    });
    const teams = data.teams as { name: string; players: { playerId: string; attributes: unknown }[] }[];
    expect(teams.map((t) => t.name)).toEqual(["red", "blue"]);
    const a1 = teams.flatMap((t) => t.players).find((p) => p.playerId === "a1");
    expect(a1?.attributes).toEqual({ skill: { attributeType: "DOUBLE", valueAttribute: 1200 } });
    const b1 = teams.flatMap((t) => t.players).find((p) => p.playerId === "b1");
    expect(b1?.attributes).toEqual({ skill: { attributeType: "DOUBLE", valueAttribute: 1000 } });
  });

  it("names quantity-cloned teams in MatchmakerData as the match does", async () => {
    const h = new Harness();
    const ruleSet = JSON.stringify({
      ruleLanguageVersion: "1.0",
      teams: [{ name: "squad", minPlayers: 1, maxPlayers: 1, quantity: 2 }],
    });
    await h.setUp(ruleSet, { FlexMatchMode: "WITH_QUEUE", GameSessionQueueArns: [queue] });
    await h.start("t1", "p1");
    await h.start("t2", "p2");

    await h.tick();

    const data = JSON.parse(h.placer.requests[0]?.matchmakerData ?? "{}") as {
      teams: { name: string; players: unknown[] }[];
    };
    const created = h.events("PotentialMatchCreated")[0];
    const names = created?.tickets.flatMap((t) => t.players.map((p) => p.team ?? "")).sort();
    expect(data.teams.map((t) => t.name).sort()).toEqual(names);
    expect(data.teams.every((t) => t.players.length === 1)).toBe(true);
    expect(h.placer.requests[0]?.maximumPlayerSessionCount).toBe(2);
  });

  it("completes with GameSessionConnectionInfo and MatchmakingSucceeded once the session is placed", async () => {
    const h = await placing();
    const session = h.placer.fulfill(h.placer.requests[0]?.placementId ?? "");

    await h.tick(500);

    const t1 = await h.ticket("t1");
    expect(t1.Status).toBe("COMPLETED");
    expect(t1.GameSessionConnectionInfo).toEqual({
      GameSessionArn: session.gameSessionArn,
      IpAddress: "127.0.0.1",
      DnsName: session.dnsName,
      Port: session.port,
      MatchedPlayerSessions: [
        { PlayerId: "a1", PlayerSessionId: "psess-a1" },
        { PlayerId: "a2", PlayerSessionId: "psess-a2" },
      ],
    });
    const succeeded = h.events("MatchmakingSucceeded")[0];
    expect(succeeded?.gameSessionInfo).toMatchObject({
      gameSessionArn: session.gameSessionArn,
      ipAddress: "127.0.0.1",
      dnsName: session.dnsName,
      port: session.port,
    });
    expect(typeof succeeded?.gameSessionInfo.port).toBe("number");
    expect(succeeded?.gameSessionInfo.players).toHaveLength(4);
    expect(
      succeeded?.tickets.flatMap((t) => t.players).every((p) => p.playerSessionId?.startsWith("psess-") && p.team),
    ).toBe(true);
  });

  it("carries on after the store is snapshotted to JSON and loaded back (--persist)", async () => {
    const h = await placing();
    const snapshot = JSON.parse(JSON.stringify(h.ctx.store.snapshot())) as Record<string, [string, unknown][]>;

    h.ctx.store.load(snapshot);
    h.placer.fulfill(h.placer.requests[0]?.placementId ?? "");
    await h.tick(500);

    expect((await h.ticket("t1")).Status).toBe("COMPLETED");
    expect((await h.ticket("t1")).StartTime).toEqual(new Date("2026-01-01T00:00:00.000Z"));
  });

  it("drops a match whose ticket is stopped while PotentialMatchCreated is being published", async () => {
    const h = new Harness();
    await h.setUp(squadRuleSet, { FlexMatchMode: "WITH_QUEUE", GameSessionQueueArns: [queue] });
    await h.start("t1", "a1", "a2");
    await h.start("t2", "b1", "b2");
    h.onEvent = async (event) => {
      if (event.detail.type === "PotentialMatchCreated") await h.call("StopMatchmaking", { TicketId: "t2" });
    };

    await h.tick();

    expect((await h.ticket("t2")).Status).toBe("CANCELLED");
    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
    expect(h.placer.requests).toEqual([]);
    expect(h.eventTypes().slice(-3)).toEqual(["PotentialMatchCreated", "MatchmakingCancelled", "MatchmakingSearching"]);
  });

  it("refuses StopMatchmaking while PLACING with GameLift's message", async () => {
    const h = await placing();

    await expect(h.call("StopMatchmaking", { TicketId: "t1" })).rejects.toMatchObject({
      name: "InvalidRequestException",
      message: "Matchmaking ticket is in PLACING status and cannot be canceled.",
    });
  });

  it("sends tickets back to SEARCHING without an event when the placement times out", async () => {
    const h = await placing();
    const before = h.published.length;
    h.placer.finish(h.placer.requests[0]?.placementId ?? "", "TIMED_OUT");

    await h.tick(1000);

    // Back in the pool, the same four players match again at once: a second placement.
    expect(h.events("PotentialMatchCreated")).toHaveLength(2);
    expect(h.published.slice(before).map((p) => p.event.detail.type)).toEqual(["PotentialMatchCreated"]);
    expect(h.placer.requests).toHaveLength(2);
  });

  it("times the tickets out after the placement times out for good", async () => {
    const h = await placing({ RequestTimeoutSeconds: 10 });
    h.placer.finish(h.placer.requests[0]?.placementId ?? "", "TIMED_OUT");

    // The request timeout is checked before matching, so the requeued tickets end here.
    await h.tick(10_000);

    expect((await h.ticket("t1")).Status).toBe("TIMED_OUT");
    expect(h.events("MatchmakingTimedOut").map((d) => d.tickets[0]?.ticketId)).toContain("t1");
  });

  it("cancels a requeued ticket whose player started a newer ticket meanwhile", async () => {
    const h = await placing();
    await h.start("t1-again", "a1");
    h.placer.finish(h.placer.requests[0]?.placementId ?? "", "TIMED_OUT");

    await h.tick(1000);

    expect((await h.ticket("t1")).Status).toBe("CANCELLED");
    expect((await h.ticket("t1-again")).Status).toBe("SEARCHING");
    expect((await h.ticket("t2")).Status).toBe("SEARCHING");
  });

  it("fails the tickets with MatchmakingFailed when the placement fails", async () => {
    const h = await placing();
    h.placer.finish(h.placer.requests[0]?.placementId ?? "", "FAILED");

    await h.tick(1000);

    expect((await h.ticket("t1")).Status).toBe("FAILED");
    const failed = h.events("MatchmakingFailed");
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({
      reason: "UNEXPECTED_ERROR",
      message: "An unexpected error was encountered during match placing.",
      matchId: h.events("PotentialMatchCreated")[0]?.matchId,
    });
  });

  it("reports EstimatedWaitTime in seconds from recent matches on SEARCHING tickets", async () => {
    const h = new Harness();
    await h.setUp(squadRuleSet, { FlexMatchMode: "WITH_QUEUE", GameSessionQueueArns: [queue] });
    await h.start("t1", "a1", "a2");
    await h.tick(7000);
    await h.start("t2", "b1", "b2");
    await h.tick(3000);

    await h.start("t9", "c1");
    await h.tick();

    // t1 waited 10 s, t2 3 s: round(6.5) = 7.
    expect((await h.ticket("t9")).EstimatedWaitTime).toBe(7);
    expect(await h.ticket("t1")).not.toHaveProperty("EstimatedWaitTime");
  });
});
