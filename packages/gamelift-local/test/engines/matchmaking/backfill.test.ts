import { describe, expect, it } from "vitest";
import { duelRuleSet, Harness, openRuleSet } from "./harness.js";

const queue = "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/arena";

/** A placed 1v1 game (teams hold two each) and the session the fake queue made. */
async function placedGame(backfillMode: "MANUAL" | "AUTOMATIC"): Promise<{ h: Harness; arn: string }> {
  const h = new Harness();
  await h.setUp(openRuleSet, {
    FlexMatchMode: "WITH_QUEUE",
    GameSessionQueueArns: [queue],
    BackfillMode: backfillMode,
  });
  await h.start("t1", "p1");
  await h.start("t2", "p2");
  await h.tick();
  const session = h.placer.fulfill(h.placer.requests[0]?.placementId ?? "");
  await h.tick(100);
  return { h, arn: session.gameSessionArn };
}

interface Data {
  matchId: string;
  autoBackfillTicketId: string | null;
  teams: { name: string; players: { playerId: string }[] }[];
}

const dataOf = (h: Harness, arn: string): Data => JSON.parse(h.placer.matchmakerData.get(arn) ?? "{}") as Data;
const playersOf = (d: Data): string[] => d.teams.flatMap((t) => t.players.map((p) => p.playerId)).sort();

describe("manual match backfill", () => {
  it("fills a running session from a StartMatchBackfill ticket and rewrites its MatchmakerData", async () => {
    const { h, arn } = await placedGame("MANUAL");
    expect((await h.ticket("t1")).Status).toBe("COMPLETED");

    const out = await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: [
        { PlayerId: "p1", Team: "red" },
        { PlayerId: "p2", Team: "blue" },
      ],
    });
    expect((out.MatchmakingTicket as { Status: string }).Status).toBe("QUEUED");
    await h.start("t3", "p3");
    await h.tick(1000);

    expect((await h.ticket("bf1")).Status).toBe("COMPLETED");
    const t3 = await h.ticket("t3");
    expect(t3.Status).toBe("COMPLETED");
    expect(t3.GameSessionConnectionInfo).toMatchObject({
      GameSessionArn: arn,
      MatchedPlayerSessions: [{ PlayerId: "p3" }],
    });
    expect(h.placer.joins).toEqual([expect.objectContaining({ gameSessionArn: arn, playerIds: ["p3"] })]);
    expect(playersOf(dataOf(h, arn))).toEqual(["p1", "p2", "p3"]);
    const succeeded = h.events("MatchmakingSucceeded").at(-1);
    expect(succeeded?.tickets.map((t) => t.ticketId).sort()).toEqual(["bf1", "t3"]);
    expect(dataOf(h, arn).matchId).toBe(succeeded?.matchId);
  });

  it("keeps a backfill ticket searching until a new player can join", async () => {
    const { h, arn } = await placedGame("MANUAL");

    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: [{ PlayerId: "p1", Team: "red" }],
    });
    await h.tick(1000);

    expect((await h.ticket("bf1")).Status).toBe("SEARCHING");
  });

  it("replaces a session's earlier backfill ticket", async () => {
    const { h, arn } = await placedGame("MANUAL");
    const players = [{ PlayerId: "p1", Team: "red" }];
    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: players,
    });

    await h.call("StartMatchBackfill", {
      TicketId: "bf2",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: players,
    });

    expect((await h.ticket("bf1")).Status).toBe("CANCELLED");
    expect((await h.ticket("bf2")).Status).toBe("QUEUED");
  });

  it("stops a backfill ticket with StopMatchmaking or the StopMatchBackfill extension", async () => {
    const { h, arn } = await placedGame("MANUAL");
    const players = [{ PlayerId: "p1", Team: "red" }];
    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: players,
    });

    await h.call("StopMatchBackfill", { TicketId: "bf1", GameSessionArn: arn });

    expect((await h.ticket("bf1")).Status).toBe("CANCELLED");
    await expect(h.call("StopMatchBackfill", { TicketId: "t1" })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("validates backfill requests: a known Team required, a FlexMatch session required for WITH_QUEUE", async () => {
    const { h, arn } = await placedGame("MANUAL");

    await expect(
      h.call("StartMatchBackfill", { ConfigurationName: "cfg", GameSessionArn: arn, Players: [{ PlayerId: "p1" }] }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(
      h.call("StartMatchBackfill", { ConfigurationName: "cfg", Players: [{ PlayerId: "p1", Team: "red" }] }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(
      h.call("StartMatchBackfill", {
        ConfigurationName: "cfg",
        GameSessionArn: arn,
        Players: [{ PlayerId: "p1", Team: "green" }],
      }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(
      h.call("StartMatchBackfill", {
        ConfigurationName: "cfg",
        GameSessionArn: "arn:aws:gamelift:us-east-1::gamesession/fleet-1/ghost",
        Players: [{ PlayerId: "p1", Team: "red" }],
      }),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("asks only the new players to accept a backfill match", async () => {
    const { h, arn } = await placedGame("MANUAL");
    await h.call("UpdateMatchmakingConfiguration", {
      Name: "cfg",
      AcceptanceRequired: true,
      AcceptanceTimeoutSeconds: 10,
    });
    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: [
        { PlayerId: "p1", Team: "red" },
        { PlayerId: "p2", Team: "blue" },
      ],
    });
    await h.start("t3", "p3");
    await h.tick(1000);
    expect((await h.ticket("bf1")).Status).toBe("REQUIRES_ACCEPTANCE");

    await h.call("AcceptMatch", { TicketId: "t3", PlayerIds: ["p3"], AcceptanceType: "ACCEPT" });
    await h.tick(100);

    expect((await h.ticket("bf1")).Status).toBe("COMPLETED");
    expect((await h.ticket("t3")).Status).toBe("COMPLETED");
  });

  it("returns the backfill ticket to the pool when the new player rejects", async () => {
    const { h, arn } = await placedGame("MANUAL");
    await h.call("UpdateMatchmakingConfiguration", {
      Name: "cfg",
      AcceptanceRequired: true,
      AcceptanceTimeoutSeconds: 10,
    });
    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: [{ PlayerId: "p1", Team: "red" }],
    });
    await h.start("t3", "p3");
    await h.tick(1000);

    await h.call("AcceptMatch", { TicketId: "t3", PlayerIds: ["p3"], AcceptanceType: "REJECT" });
    await h.tick(100);

    expect((await h.ticket("bf1")).Status).toBe("SEARCHING");
    expect((await h.ticket("t3")).Status).toBe("CANCELLED");
  });

  it("fails the backfill with MatchmakingFailed when the session is gone", async () => {
    const { h, arn } = await placedGame("MANUAL");
    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      GameSessionArn: arn,
      Players: [{ PlayerId: "p1", Team: "red" }],
    });
    h.placer.live.delete(arn);
    await h.start("t3", "p3");

    await h.tick(1000);

    expect((await h.ticket("bf1")).Status).toBe("FAILED");
    expect((await h.ticket("t3")).Status).toBe("FAILED");
    expect(h.events("MatchmakingFailed")).toHaveLength(2);
  });

  it("backfills a STANDALONE match without a game session", async () => {
    const h = new Harness();
    await h.setUp(openRuleSet);
    await h.call("StartMatchBackfill", {
      TicketId: "bf1",
      ConfigurationName: "cfg",
      Players: [
        { PlayerId: "p1", Team: "red" },
        { PlayerId: "p2", Team: "blue" },
      ],
    });
    await h.start("t3", "p3");

    await h.tick();

    expect((await h.ticket("bf1")).Status).toBe("COMPLETED");
    const succeeded = h.events("MatchmakingSucceeded")[0];
    const bf = succeeded?.tickets.find((t) => t.ticketId === "bf1");
    expect(bf?.players).toEqual([
      { playerId: "p1", team: "red" },
      { playerId: "p2", team: "blue" },
    ]);
  });
});

describe("automatic match backfill", () => {
  it("names an auto-backfill ticket in MatchmakerData and opens it for a session with open slots", async () => {
    const { h, arn } = await placedGame("AUTOMATIC");

    const id = dataOf(h, arn).autoBackfillTicketId;
    expect(id).toMatch(/^auto-backfill-/);
    const ticket = await h.ticket(id ?? "");
    expect(ticket.Status).toBe("SEARCHING");
    expect(ticket.Players).toEqual(
      expect.arrayContaining([expect.objectContaining({ PlayerId: "p1", Team: expect.any(String) })]),
    );
  });

  it("fills the open slots with new players and rewrites MatchmakerData", async () => {
    const { h, arn } = await placedGame("AUTOMATIC");

    await h.start("t3", "p3");
    await h.tick(1000);

    expect((await h.ticket("t3")).Status).toBe("COMPLETED");
    expect(playersOf(dataOf(h, arn))).toEqual(["p1", "p2", "p3"]);
    // One slot left: a fresh auto-backfill ticket takes over.
    const next = dataOf(h, arn).autoBackfillTicketId;
    expect(next).toMatch(/^auto-backfill-/);
    await h.tick(100);
    expect((await h.ticket(next ?? "")).Status).toBe("SEARCHING");
  });

  it("stops automatic backfill for the session when its ticket is stopped", async () => {
    const { h, arn } = await placedGame("AUTOMATIC");
    const id = dataOf(h, arn).autoBackfillTicketId ?? "";

    await h.call("StopMatchmaking", { TicketId: id });
    await h.tick(1000);

    expect((await h.ticket(id)).Status).toBe("CANCELLED");
    const open = h.ctx.store.collection<{ ticketId: string; status: string }>("matchmakingTickets").values();
    expect(open.filter((t) => t.ticketId.startsWith("auto-backfill") && t.status !== "CANCELLED")).toEqual([]);
  });

  it("opens no auto-backfill ticket for a full session", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet, {
      FlexMatchMode: "WITH_QUEUE",
      GameSessionQueueArns: [queue],
      BackfillMode: "AUTOMATIC",
    });
    await h.start("t1", "p1");
    await h.start("t2", "p2");
    await h.tick();
    const session = h.placer.fulfill(h.placer.requests[0]?.placementId ?? "");
    await h.tick(100);

    expect(dataOf(h, session.gameSessionArn).autoBackfillTicketId).toBeNull();
    const tickets = h.ctx.store.collection<{ ticketId: string }>("matchmakingTickets").values();
    expect(tickets.map((t) => t.ticketId).sort()).toEqual(["t1", "t2"]);
  });
});
