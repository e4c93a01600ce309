import { describe, expect, it } from "vitest";
import { matchEventFor, pushesFor } from "../../../src/domain/realtime/changes.js";
import { connectionExpiry, isLive } from "../../../src/domain/realtime/connections.js";
import type { Placement } from "../../../src/domain/placement/types.js";
import type { Party } from "../../../src/domain/party/types.js";
import type { Ticket } from "../../../src/domain/ticket/types.js";

const NOW = 1_700_000_000_000;

function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    ticketId: "t1",
    configurationName: "arena",
    status: "SEARCHING",
    playerIds: ["a", "b"],
    players: { a: {}, b: {} },
    createdAt: NOW - 5_000,
    updatedAt: NOW - 1_000,
    heardAt: NOW - 1_000,
    eventIds: [],
    version: 2,
    ...over,
  };
}

const connection = {
  gameSessionArn: "arn:aws:gamelift:us-east-1::gamesession/fleet-1/gs-1",
  ipAddress: "10.0.0.1",
  dnsName: "gs.example",
  port: 7777,
};
const completed = ticket({
  status: "COMPLETED",
  version: 3,
  matchId: "m1",
  updatedAt: NOW,
  connection,
  players: { a: { team: "red", playerSessionId: "psess-a" }, b: { team: "blue", playerSessionId: "psess-b" } },
});

describe("pushesFor", () => {
  it("sends each player of a completed ticket their own player session, with the version and the GET body", () => {
    const pushes = pushesFor({ kind: "ticket", before: ticket(), after: completed }, NOW);

    expect(pushes.map((p) => p.playerId)).toEqual(["a", "b"]);
    const a = pushes[0]?.message as {
      type: string;
      ticket: { connection: { playerSessionId: string }; version: number; retryAfterMs: number; status: string };
    };
    const b = pushes[1]?.message as typeof a;
    expect(a.type).toBe("ticket.updated");
    expect(a.ticket.status).toBe("COMPLETED");
    expect(a.ticket.version).toBe(3);
    expect(a.ticket.retryAfterMs).toBe(0);
    expect(a.ticket.connection.playerSessionId).toBe("psess-a");
    expect(b.ticket.connection.playerSessionId).toBe("psess-b");
    expect(JSON.stringify(a)).not.toContain("psess-b");
  });

  it("sends nothing for a write no player can see (the reconciler's heardAt bump)", () => {
    const before = ticket();
    const after = { ...before, heardAt: NOW };

    expect(pushesFor({ kind: "ticket", before, after }, NOW)).toEqual([]);
  });

  it("announces a ticket first seen in an event to its players", () => {
    expect(pushesFor({ kind: "ticket", after: ticket({ version: 1 }) }, NOW).map((p) => p.playerId)).toEqual([
      "a",
      "b",
    ]);
  });

  it("sends a placement to its players and a party to its members, not to one who left", () => {
    const placement: Placement = {
      placementId: "pl1",
      queueName: "arena",
      status: "FULFILLED",
      playerIds: ["a"],
      players: { a: { playerSessionId: "psess-a" } },
      connection,
      createdAt: NOW,
      updatedAt: NOW,
      heardAt: NOW,
      eventIds: [],
      version: 2,
    };
    const party: Party = {
      partyId: "py1",
      leaderId: "a",
      memberIds: ["a", "c"],
      code: "ABCDEFGH",
      version: 2,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const left: Party = { ...party, memberIds: ["a"], version: 3 };

    const placed = pushesFor(
      { kind: "placement", before: { ...placement, status: "PENDING", version: 1 }, after: placement },
      NOW,
    );
    const partyPushes = pushesFor({ kind: "party", before: party, after: left }, NOW);

    expect(placed).toHaveLength(1);
    expect(placed[0]?.message).toMatchObject({
      type: "placement.updated",
      placement: { status: "FULFILLED", version: 2, connection: { playerSessionId: "psess-a" } },
    });
    expect(partyPushes.map((p) => p.playerId)).toEqual(["a"]);
    expect(partyPushes[0]?.message).toMatchObject({ type: "party.updated", party: { memberIds: ["a"], version: 3 } });
  });
});

describe("matchEventFor", () => {
  it.each([
    ["SEARCHING", "TicketSearching"],
    ["REQUIRES_ACCEPTANCE", "TicketRequiresAcceptance"],
    ["PLACING", "TicketPlacing"],
    ["COMPLETED", "TicketCompleted"],
    ["FAILED", "TicketFailed"],
    ["CANCELLED", "TicketCancelled"],
    ["TIMED_OUT", "TicketTimedOut"],
  ] as const)("names a transition to %s %s, with attributes to filter on", (status, type) => {
    const out = matchEventFor({
      kind: "ticket",
      before: ticket({ status: "QUEUED", version: 1 }),
      after: ticket({ status, version: 2 }),
    });

    expect(out?.event).toMatchObject({ type, id: "ticket:t1:2", ticketId: "t1", status, previousStatus: "QUEUED" });
    expect(out?.attributes).toEqual({ type, configurationName: "arena" });
  });

  it("publishes nothing when the status did not change, for QUEUED, for a pending placement or a party", () => {
    expect(
      matchEventFor({ kind: "ticket", before: ticket(), after: ticket({ estimatedWaitSeconds: 9, version: 3 }) }),
    ).toBeUndefined();
    expect(matchEventFor({ kind: "ticket", after: ticket({ status: "QUEUED", version: 1 }) })).toBeUndefined();
    const pending: Placement = {
      placementId: "p",
      queueName: "q",
      status: "PENDING",
      playerIds: [],
      players: {},
      createdAt: 0,
      updatedAt: 0,
      heardAt: 0,
      eventIds: [],
      version: 1,
    };
    expect(matchEventFor({ kind: "placement", after: pending })).toBeUndefined();
  });

  it("describes a completed match: every player's team and session, the game session", () => {
    const out = matchEventFor({ kind: "ticket", before: ticket(), after: completed });

    expect(out?.event).toMatchObject({
      type: "TicketCompleted",
      matchId: "m1",
      connection,
      players: [
        { playerId: "a", team: "red", playerSessionId: "psess-a" },
        { playerId: "b", team: "blue", playerSessionId: "psess-b" },
      ],
    });
  });

  it("names placement endings with the queue as attribute", () => {
    const base: Placement = {
      placementId: "p9",
      queueName: "arena",
      status: "PENDING",
      playerIds: ["a"],
      players: {},
      createdAt: 0,
      updatedAt: 0,
      heardAt: 0,
      eventIds: [],
      version: 1,
    };

    const out = matchEventFor({ kind: "placement", before: base, after: { ...base, status: "TIMED_OUT", version: 2 } });

    expect(out?.event).toMatchObject({ type: "PlacementTimedOut", id: "placement:p9:2", previousStatus: "PENDING" });
    expect(out?.attributes).toEqual({ type: "PlacementTimedOut", queueName: "arena" });
  });
});

describe("connection records", () => {
  it("expire after the idle TTL since last heard, never past the 2-hour connection limit", () => {
    expect(connectionExpiry(0, 0)).toBe(30 * 60);
    expect(connectionExpiry(0, 119 * 60_000)).toBe(2 * 60 * 60);
    expect(isLive({ expiresAt: 100 }, 99_999)).toBe(true);
    expect(isLive({ expiresAt: 100 }, 100_000)).toBe(false);
  });
});
