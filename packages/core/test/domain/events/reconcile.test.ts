import { describe, expect, it } from "vitest";
import type { ReconcileObserver } from "../../../src/domain/events/ports.js";
import { reconcile } from "../../../src/domain/events/reconcile.js";
import { TokenBucket } from "../../../src/domain/events/tokenBucket.js";
import { ThrottledError } from "../../../src/errors.js";
import type { ObservedTicket } from "../../../src/domain/ticket/observe.js";
import type { ObservedPlacement } from "../../../src/domain/placement/observe.js";
import type { Ticket, TicketStatus } from "../../../src/domain/ticket/types.js";
import { FakeTime, MemoryPlacementStore, MemoryTicketStore } from "./memoryStores.js";

const T0 = 10_000_000;
const GS = "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/gs-1";

function stored(id: string, status: TicketStatus, heardAt: number, createdAt = heardAt): Ticket {
  return {
    ticketId: id,
    configurationName: "arena",
    status,
    playerIds: ["a"],
    players: { a: {} },
    createdAt,
    updatedAt: heardAt,
    heardAt,
    eventIds: [],
    eventAt: heardAt,
    version: 1,
  };
}

/** An in-memory GameLift read side: what DescribeMatchmaking / DescribeGameSessionPlacement would say. */
class FakeGameLift implements ReconcileObserver {
  public readonly tickets = new Map<string, ObservedTicket>();
  public readonly placements = new Map<string, ObservedPlacement>();
  public readonly calls: string[][] = [];
  public throttleNext = 0;
  public async describeTickets(ids: readonly string[]): Promise<ObservedTicket[]> {
    if (this.throttleNext > 0) {
      this.throttleNext -= 1;
      throw new ThrottledError("Rate exceeded");
    }
    this.calls.push([...ids]);
    return ids.flatMap((id) => this.tickets.get(id) ?? []);
  }
  public async describePlacement(id: string): Promise<ObservedPlacement | undefined> {
    return this.placements.get(id);
  }
  public async requestTimeoutSeconds(): Promise<number | undefined> {
    return 120;
  }
}

function setup(): {
  time: FakeTime;
  tickets: MemoryTicketStore;
  placements: MemoryPlacementStore;
  gamelift: FakeGameLift;
  run: (o?: Parameters<typeof reconcile>[1]) => ReturnType<typeof reconcile>;
} {
  const time = new FakeTime(T0);
  const tickets = new MemoryTicketStore();
  const placements = new MemoryPlacementStore();
  const gamelift = new FakeGameLift();
  const run = (o?: Parameters<typeof reconcile>[1]): ReturnType<typeof reconcile> =>
    reconcile({ tickets, placements, gamelift, clock: time.clock, sleep: time.sleep, random: () => 0.5 }, o);
  return { time, tickets, placements, gamelift, run };
}

describe("reconcile", () => {
  it("repairs a ticket whose MatchmakingSucceeded was lost, with each player's session", async () => {
    const { tickets, gamelift, run } = setup();
    tickets.items.set("t1", stored("t1", "PLACING", T0 - 60_000));
    gamelift.tickets.set("t1", {
      ticketId: "t1",
      configurationName: "arena",
      status: "COMPLETED",
      players: [{ playerId: "a", team: "red" }],
      connection: {
        gameSessionArn: GS,
        ipAddress: "10.0.0.1",
        dnsName: "d",
        port: 7777,
        playerSessions: [{ playerId: "a", playerSessionId: "psess-a" }],
      },
    });

    const report = await run();

    expect(report).toMatchObject({ ticketsChecked: 1, ticketsRepaired: 1 });
    expect(tickets.items.get("t1")).toMatchObject({
      status: "COMPLETED",
      players: { a: { team: "red", playerSessionId: "psess-a" } },
      connection: { port: 7777 },
    });
  });

  it("leaves alone a ticket heard of within the stale window", async () => {
    const { tickets, gamelift, run } = setup();
    tickets.items.set("t1", stored("t1", "SEARCHING", T0 - 10_000));

    expect((await run()).ticketsChecked).toBe(0);
    expect(gamelift.calls).toEqual([]);
  });

  it("asks about at most 10 tickets per DescribeMatchmaking call", async () => {
    const { tickets, gamelift, run } = setup();
    for (let i = 0; i < 25; i += 1) tickets.items.set(`t${i}`, stored(`t${i}`, "SEARCHING", T0 - 40_000));

    await run();

    expect(gamelift.calls.map((c) => c.length)).toEqual([10, 10, 5]);
  });

  it("fails a ticket GameLift no longer knows once past its request timeout, and only marks a younger one heard", async () => {
    const { tickets, run, time } = setup();
    tickets.items.set("old", stored("old", "SEARCHING", T0 - 40_000, T0 - 200_000));
    tickets.items.set("young", stored("young", "SEARCHING", T0 - 40_000, T0 - 100_000));

    const report = await run();

    expect(report.ticketsFailedUnknown).toBe(1);
    expect(tickets.items.get("old")).toMatchObject({ status: "FAILED", reason: "UNKNOWN_TO_GAMELIFT" });
    expect(tickets.items.get("young")).toMatchObject({ status: "SEARCHING", heardAt: time.nowMs });
  });

  it("does not overwrite a ticket that turned terminal while the run was looking", async () => {
    const { tickets, gamelift, run } = setup();
    tickets.items.set("t1", stored("t1", "SEARCHING", T0 - 40_000));
    gamelift.tickets.set("t1", {
      ticketId: "t1",
      configurationName: "arena",
      status: "SEARCHING",
      players: [{ playerId: "a" }],
    });
    const describe = gamelift.describeTickets.bind(gamelift);
    gamelift.describeTickets = async (ids) => {
      const out = await describe(ids);
      // The terminal event lands between GameLift's answer and our write.
      await tickets.apply(
        {
          id: "e",
          type: "MatchmakingCancelled",
          dedupe: true,
          time: T0,
          ticketId: "t1",
          configurationName: "arena",
          status: "CANCELLED",
          playerIds: ["a"],
          players: { a: {} },
        },
        T0,
      );
      return out;
    };

    await run();

    expect(tickets.items.get("t1")?.status).toBe("CANCELLED");
  });

  it("backs off with jitter on throttling and still finishes", async () => {
    const { tickets, gamelift, run, time } = setup();
    tickets.items.set("t1", stored("t1", "SEARCHING", T0 - 40_000));
    gamelift.throttleNext = 2;

    const report = await run();

    expect(report).toMatchObject({ throttled: 2, ticketsChecked: 1 });
    expect(report.stoppedEarly).toBeUndefined();
    expect(time.sleeps.filter((s) => s === 250 || s === 500)).toHaveLength(2);
  });

  it("stops the run after too many throttles and leaves the rest for the next one", async () => {
    const { tickets, gamelift, run } = setup();
    tickets.items.set("t1", stored("t1", "SEARCHING", T0 - 40_000));
    gamelift.throttleNext = 100;

    const report = await run({ maxThrottleRetries: 2 });

    expect(report).toMatchObject({ stoppedEarly: "throttled", throttled: 3, ticketsChecked: 0 });
  });

  it("stops at the deadline", async () => {
    const { tickets, run } = setup();
    tickets.items.set("t1", stored("t1", "SEARCHING", T0 - 40_000));

    expect((await run({ deadline: T0 })).stoppedEarly).toBe("deadline");
  });

  it("repairs a placement whose PlacementFulfilled was lost and fails an unknown old one", async () => {
    const { placements, gamelift, run } = setup();
    const base = {
      queueName: "q",
      playerIds: ["a"],
      players: {},
      eventIds: [],
      version: 1,
      status: "PENDING" as const,
    };
    placements.items.set("p1", {
      ...base,
      placementId: "p1",
      createdAt: T0 - 40_000,
      updatedAt: 0,
      heardAt: T0 - 40_000,
    });
    placements.items.set("p2", {
      ...base,
      placementId: "p2",
      createdAt: T0 - 700_000,
      updatedAt: 0,
      heardAt: T0 - 40_000,
    });
    gamelift.placements.set("p1", {
      placementId: "p1",
      queueName: "q",
      status: "FULFILLED",
      connection: { gameSessionArn: GS, ipAddress: "10.0.0.2", dnsName: "d", port: 7000 },
      playerSessions: [{ playerId: "a", playerSessionId: "psess-a" }],
    });

    const report = await run();

    expect(report).toMatchObject({ placementsChecked: 2, placementsRepaired: 1, placementsFailedUnknown: 1 });
    expect(placements.items.get("p1")).toMatchObject({
      status: "FULFILLED",
      players: { a: { playerSessionId: "psess-a" } },
    });
    expect(placements.items.get("p2")).toMatchObject({ status: "FAILED", reason: "UNKNOWN_TO_GAMELIFT" });
  });
});

describe("TokenBucket", () => {
  it("paces calls to the rate after the burst", async () => {
    const time = new FakeTime(0);
    const bucket = new TokenBucket({ ratePerSecond: 5, burst: 5, clock: time.clock, sleep: time.sleep });

    for (let i = 0; i < 12; i += 1) await bucket.take();

    expect(time.nowMs).toBe(1_400);
  });

  it("halves the rate after slowDown", async () => {
    const time = new FakeTime(0);
    const bucket = new TokenBucket({ ratePerSecond: 4, burst: 1, clock: time.clock, sleep: time.sleep });
    await bucket.take();

    bucket.slowDown();
    await bucket.take();

    expect(bucket.rate).toBe(2);
    expect(time.nowMs).toBe(500);
  });
});
