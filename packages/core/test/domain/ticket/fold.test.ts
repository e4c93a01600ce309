import { describe, expect, it } from "vitest";
import { foldTicket } from "../../../src/domain/ticket/fold.js";
import type { TicketEvent } from "../../../src/domain/events/types.js";
import type { Ticket, TicketStatus } from "../../../src/domain/ticket/types.js";

const NOW = 1_000_000;

function ticket(status: TicketStatus, over: Partial<Ticket> = {}): Ticket {
  return {
    ticketId: "t1",
    configurationName: "arena",
    status,
    playerIds: ["a"],
    players: { a: {} },
    createdAt: 1,
    updatedAt: 1,
    heardAt: 1,
    eventIds: ["seen"],
    eventAt: 100,
    version: 1,
    ...over,
  };
}

function event(
  status: TicketStatus,
  time: number,
  id = `e-${status}-${time}`,
  over: Partial<TicketEvent> = {},
): TicketEvent {
  return {
    id,
    type: "MatchmakingSearching",
    dedupe: true,
    time,
    ticketId: "t1",
    configurationName: "arena",
    status,
    playerIds: ["a"],
    players: { a: {} },
    ...over,
  };
}

describe("foldTicket transitions", () => {
  it.each<[string, TicketStatus, TicketStatus, number, TicketStatus | "no-op"]>([
    ["QUEUED → SEARCHING", "QUEUED", "SEARCHING", 200, "SEARCHING"],
    ["SEARCHING → REQUIRES_ACCEPTANCE", "SEARCHING", "REQUIRES_ACCEPTANCE", 200, "REQUIRES_ACCEPTANCE"],
    ["REQUIRES_ACCEPTANCE → PLACING", "REQUIRES_ACCEPTANCE", "PLACING", 200, "PLACING"],
    ["PLACING → COMPLETED", "PLACING", "COMPLETED", 200, "COMPLETED"],
    ["SEARCHING after a match proposal (newer) is legal", "REQUIRES_ACCEPTANCE", "SEARCHING", 200, "SEARCHING"],
    ["an older non-terminal event is ignored", "PLACING", "SEARCHING", 50, "no-op"],
    ["an older higher-rank event is ignored too", "SEARCHING", "PLACING", 50, "no-op"],
    ["same time: higher rank wins", "SEARCHING", "PLACING", 100, "PLACING"],
    ["same time: lower rank loses", "PLACING", "SEARCHING", 100, "no-op"],
    ["a terminal event lands even when older", "PLACING", "TIMED_OUT", 50, "TIMED_OUT"],
    ["COMPLETED absorbs a later SEARCHING", "COMPLETED", "SEARCHING", 500, "no-op"],
    ["COMPLETED absorbs a later CANCELLED", "COMPLETED", "CANCELLED", 500, "no-op"],
    ["FAILED absorbs COMPLETED", "FAILED", "COMPLETED", 500, "no-op"],
    ["TIMED_OUT absorbs PLACING", "TIMED_OUT", "PLACING", 500, "no-op"],
  ])("%s", (_name, from, to, time, expected) => {
    const next = foldTicket(ticket(from), event(to, time), NOW);

    expect(next === undefined ? "no-op" : next.status).toBe(expected);
  });

  it("changes nothing for a duplicate event id", () => {
    expect(foldTicket(ticket("SEARCHING"), event("PLACING", 500, "seen"), NOW)).toBeUndefined();
  });

  it("folds a duplicate observation (no id) when it is newer", () => {
    const next = foldTicket(
      ticket("SEARCHING"),
      event("SEARCHING", 500, "obs", { dedupe: false, type: "ObservedStatus" }),
      NOW,
    );

    expect(next?.heardAt).toBe(NOW);
    expect(next?.eventIds).toEqual(["seen"]);
  });

  it("never creates a ticket it has not stored from an ordinary event", () => {
    expect(
      foldTicket(undefined, event("SEARCHING", 500, "first", { startTime: 42, estimatedWaitSeconds: 9 }), NOW),
    ).toBeUndefined();
  });

  it("refuses an event naming other players than the ticket's", () => {
    expect(
      foldTicket(
        ticket("SEARCHING"),
        event("COMPLETED", 500, "hijack", { playerIds: ["mallory"], players: { mallory: {} } }),
        NOW,
      ),
    ).toBeUndefined();
  });

  it("creates an automatic backfill ticket of a game session from the event alone", () => {
    const next = foldTicket(
      undefined,
      event("SEARCHING", 500, "first", {
        startTime: 42,
        estimatedWaitSeconds: 9,
        backfillOf: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/g",
      }),
      NOW,
    );

    expect(next).toMatchObject({
      ticketId: "t1",
      configurationName: "arena",
      status: "SEARCHING",
      createdAt: 42,
      heardAt: NOW,
      estimatedWaitSeconds: 9,
      eventIds: ["first"],
      playerIds: ["a"],
    });
  });

  it("records each player's own session and the connection on COMPLETED", () => {
    const connection = {
      gameSessionArn: "arn:aws:gamelift:eu-west-1::gamesession/f/g",
      ipAddress: "10.0.0.1",
      dnsName: "d",
      port: 7777,
    };
    const next = foldTicket(
      ticket("PLACING", { playerIds: ["a", "b"] }),
      event("COMPLETED", 500, "ok", {
        connection,
        players: { a: { playerSessionId: "psess-a" }, b: { playerSessionId: "psess-b" } },
        playerIds: ["a", "b"],
      }),
      NOW,
    );

    expect(next?.connection).toEqual(connection);
    expect(next?.players).toEqual({ a: { playerSessionId: "psess-a" }, b: { playerSessionId: "psess-b" } });
  });

  it("drops the old match id when the ticket searches again", () => {
    const next = foldTicket(ticket("REQUIRES_ACCEPTANCE", { matchId: "m1" }), event("SEARCHING", 500), NOW);

    expect(next?.matchId).toBeUndefined();
  });

  it("keeps createdAt and configurationName of a stored ticket", () => {
    const next = foldTicket(
      ticket("QUEUED", { createdAt: 7 }),
      event("SEARCHING", 500, "x", { startTime: 99, configurationName: "other" }),
      NOW,
    );

    expect(next?.createdAt).toBe(7);
    expect(next?.configurationName).toBe("arena");
  });
});
