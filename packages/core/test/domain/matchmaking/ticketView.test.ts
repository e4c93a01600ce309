import { describe, expect, it } from "vitest";
import { retryAfterMs, ticketView } from "../../../src/domain/matchmaking/view.js";
import type { Ticket } from "../../../src/domain/ticket/types.js";

const base: Ticket = {
  ticketId: "t1",
  configurationName: "arena",
  status: "COMPLETED",
  playerIds: ["a", "b"],
  players: {
    a: { team: "red", playerSessionId: "psess-a", accepted: true },
    b: { team: "blue", playerSessionId: "psess-b" },
  },
  matchId: "m1",
  connection: {
    gameSessionArn: "arn:aws:gamelift:us-east-1::gamesession/fleet-1/g",
    ipAddress: "10.0.0.1",
    dnsName: "d",
    port: 7777,
  },
  createdAt: 0,
  updatedAt: 1000,
  heardAt: 1000,
  eventIds: [],
  version: 3,
};

describe("ticketView", () => {
  it("shows each player only its own player session and team", () => {
    expect(ticketView(base, "a")).toMatchObject({
      connection: { playerSessionId: "psess-a", port: 7777 },
      match: { team: "red", accepted: true, acceptedCount: 1, playerCount: 2 },
    });
    expect(JSON.stringify(ticketView(base, "a"))).not.toContain("psess-b");
  });

  it("shows no connection before COMPLETED", () => {
    expect(ticketView({ ...base, status: "PLACING" }, "a")).not.toHaveProperty("connection");
  });
});

describe("retryAfterMs", () => {
  it.each([
    ["QUEUED", 0, 1000],
    ["SEARCHING", 0, 2000],
    ["SEARCHING", 31_000, 8000],
    ["SEARCHING", 600_000, 15_000],
    ["REQUIRES_ACCEPTANCE", 0, 1000],
    ["COMPLETED", 0, 0],
    ["TIMED_OUT", 0, 0],
  ] as const)("suggests for %s after %i ms unchanged: %i", (status, idle, expected) => {
    expect(retryAfterMs({ status, updatedAt: 0 }, idle)).toBe(expected);
  });
});
