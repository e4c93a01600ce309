import { describe, expect, it } from "vitest";
import { duelRuleSet, Harness, squadRuleSet } from "./harness.js";

describe("matchmaking ticket lifecycle", () => {
  it("starts a ticket QUEUED with its players and StartTime", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);

    const out = await h.call("StartMatchmaking", {
      TicketId: "t1",
      ConfigurationName: "cfg",
      Players: [{ PlayerId: "p1" }],
    });

    expect(out.MatchmakingTicket).toEqual({
      TicketId: "t1",
      ConfigurationName: "cfg",
      ConfigurationArn: "arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/cfg",
      Status: "QUEUED",
      StartTime: new Date("2026-01-01T00:00:00.000Z"),
      Players: [{ PlayerId: "p1" }],
    });
  });

  it("moves a QUEUED ticket to SEARCHING on the next tick with MatchmakingSearching", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");

    await h.tick(1000);

    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
    expect(h.eventTypes()).toEqual(["MatchmakingSearching"]);
  });

  it("completes a STANDALONE match with PotentialMatchCreated then MatchmakingSucceeded and teams", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.start("t2", "p2");

    await h.tick(1000);

    const t1 = await h.ticket("t1");
    expect(t1.Status).toBe("COMPLETED");
    expect(t1.EndTime).toEqual(new Date("2026-01-01T00:00:01.000Z"));
    expect(t1.GameSessionConnectionInfo).toBeUndefined();
    const teams = [(await h.ticket("t1")).Players, (await h.ticket("t2")).Players].flat() as { Team?: string }[];
    expect(teams.map((p) => p.Team).sort()).toEqual(["blue", "red"]);
    expect(h.eventTypes()).toEqual([
      "MatchmakingSearching",
      "MatchmakingSearching",
      "PotentialMatchCreated",
      "MatchmakingSucceeded",
    ]);
    const succeeded = h.events("MatchmakingSucceeded")[0];
    expect(succeeded?.tickets.map((t) => t.ticketId).sort()).toEqual(["t1", "t2"]);
    expect(succeeded?.gameSessionInfo.gameSessionArn).toBeUndefined();
    expect(succeeded?.gameSessionInfo.players).toHaveLength(2);
  });

  it("keeps a lone ticket SEARCHING until it times out after RequestTimeoutSeconds", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet, { RequestTimeoutSeconds: 30 });
    await h.start("t1", "p1");
    await h.tick();

    await h.tick(29_999);
    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
    await h.tick(1);

    const t1 = await h.ticket("t1");
    expect(t1.Status).toBe("TIMED_OUT");
    expect(t1.EndTime).toEqual(new Date("2026-01-01T00:00:30.000Z"));
    const timedOut = h.events("MatchmakingTimedOut")[0];
    expect(timedOut).toMatchObject({
      reason: "TimedOut",
      message: "Removed from matchmaking due to timing out.",
      ruleEvaluationMetrics: [],
      tickets: [{ ticketId: "t1", players: [{ playerId: "p1" }] }],
    });
  });

  it("cancels a SEARCHING ticket on StopMatchmaking with MatchmakingCancelled", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.tick();

    await h.call("StopMatchmaking", { TicketId: "t1" });

    expect((await h.ticket("t1")).Status).toBe("CANCELLED");
    expect(h.events("MatchmakingCancelled")[0]).toMatchObject({
      reason: "Cancelled",
      message: "Cancelled by request.",
      tickets: [{ ticketId: "t1" }],
    });
  });

  it("cancels a QUEUED ticket on StopMatchmaking", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");

    await h.call("StopMatchmaking", { TicketId: "t1" });
    await h.tick();

    expect((await h.ticket("t1")).Status).toBe("CANCELLED");
    expect(h.eventTypes()).toEqual(["MatchmakingCancelled"]);
  });

  it("refuses to stop a COMPLETED ticket and treats a second stop of a CANCELLED one as a no-op", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.start("t2", "p2");
    await h.start("t3", "p3");
    await h.tick();
    const done = (await h.ticket("t1")).Status === "COMPLETED" ? "t1" : "t2";

    await expect(h.call("StopMatchmaking", { TicketId: done })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    await h.call("StopMatchmaking", { TicketId: "t3" });
    expect(await h.call("StopMatchmaking", { TicketId: "t3" })).toEqual({});
    expect(h.events("MatchmakingCancelled")).toHaveLength(1);
  });

  it("rejects StopMatchmaking for an unknown ticket with NotFoundException", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);

    await expect(h.call("StopMatchmaking", { TicketId: "nope" })).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("cancels a player's older active ticket when a new ticket names the player", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("old", "p1");
    await h.tick();

    await h.start("new", "p1");

    expect((await h.ticket("old")).Status).toBe("CANCELLED");
    expect((await h.ticket("new")).Status).toBe("QUEUED");
    expect(h.events("MatchmakingCancelled").map((d) => d.tickets[0]?.ticketId)).toEqual(["old"]);
  });

  it("rejects a reused TicketId", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");

    await expect(h.start("t1", "p2")).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("rejects StartMatchmaking for an unknown configuration", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);

    await expect(
      h.call("StartMatchmaking", { ConfigurationName: "nope", Players: [{ PlayerId: "p1" }] }),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("rejects a party of more than ten players", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    const players = Array.from({ length: 11 }, (_, i) => `p${i}`);

    await expect(h.start("t1", ...players)).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("generates a TicketId when none is given", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);

    const out = await h.call("StartMatchmaking", { ConfigurationName: "cfg", Players: [{ PlayerId: "p1" }] });

    expect((out.MatchmakingTicket as { TicketId: string }).TicketId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a party on one team", async () => {
    const h = new Harness();
    await h.setUp(squadRuleSet);
    await h.start("partyA", "a1", "a2");
    await h.start("partyB", "b1", "b2");

    await h.tick();

    const a = (await h.ticket("partyA")).Players as { Team?: string }[];
    const b = (await h.ticket("partyB")).Players as { Team?: string }[];
    expect(new Set(a.map((p) => p.Team)).size).toBe(1);
    expect(new Set(b.map((p) => p.Team)).size).toBe(1);
    expect(a[0]?.Team).not.toBe(b[0]?.Team);
  });

  it("describes up to ten tickets in request order and omits unknown ids", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");
    await h.start("t2", "p2");

    const out = await h.call("DescribeMatchmaking", { TicketIds: ["t2", "ghost", "t1"] });

    expect((out.TicketList as { TicketId: string }[]).map((t) => t.TicketId)).toEqual(["t2", "t1"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    await expect(h.call("DescribeMatchmaking", { TicketIds: eleven })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("publishes nothing when the configuration has no NotificationTarget", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet, { NotificationTarget: undefined });
    await h.start("t1", "p1");

    await h.tick();

    expect(h.published).toEqual([]);
  });
});
