import { describe, expect, it } from "vitest";
import { etagOf, ifNoneMatchHits, retryAfterMs, ticketView } from "../../../src/domain/matchmaking/view.js";
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

describe("ETags", () => {
  it("are equal for equal views and differ for changed ones", () => {
    expect(etagOf({ a: 1 })).toBe(etagOf({ a: 1 }));
    expect(etagOf({ a: 1 })).not.toBe(etagOf({ a: 2 }));
  });

  it("match If-None-Match lists, weak tags and *", () => {
    const tag = etagOf({ a: 1 });
    expect(ifNoneMatchHits(`"x", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});
