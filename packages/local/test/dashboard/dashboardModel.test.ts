import { describe, expect, it } from "vitest";
import { Logger } from "@aws-lambda-powertools/logger";
import { DashboardBus } from "../../src/dashboard/DashboardBus.js";
import { DashboardModel } from "../../src/dashboard/DashboardModel.js";
import type { TicketView } from "../../src/dashboard/types.js";
import { LocalSns, type DeliveryEvent } from "../../src/sns/LocalSns.js";

const ticket = (ticketId: string, status: string, updatedAt: number, extra: Partial<TicketView> = {}): TicketView => ({
  ticketId,
  status,
  playerIds: [`p-${ticketId}`],
  teams: {},
  createdAt: 0,
  updatedAt,
  ...extra,
});

describe("DashboardModel", () => {
  it("counts tickets per status over time, latest write per ticket", () => {
    const model = new DashboardModel();
    model.apply({ kind: "ticket", at: 1_000, ticket: ticket("a", "QUEUED", 1) });
    model.apply({ kind: "ticket", at: 2_000, ticket: ticket("b", "QUEUED", 2) });
    model.apply({ kind: "ticket", at: 3_000, ticket: ticket("a", "COMPLETED", 3) });

    const view = model.view(4_000);

    const at = (status: string, point: readonly number[] | undefined): number | undefined =>
      point?.[view.statuses.indexOf(status) + 1];
    expect(view.series.map((p) => p[0])).toEqual([1, 2, 3]);
    expect(at("QUEUED", view.series.at(-1))).toBe(1);
    expect(at("COMPLETED", view.series.at(-1))).toBe(1);
    expect(view.tickets.map((t) => t.ticketId)).toEqual(["a", "b"]);
  });

  it("ignores a stream record older than the ticket it already shows", () => {
    const model = new DashboardModel();
    model.apply({ kind: "ticket", at: 1_000, ticket: ticket("a", "COMPLETED", 5) });
    model.apply({ kind: "ticket", at: 2_000, ticket: ticket("a", "SEARCHING", 4) });

    expect(model.view(3_000).tickets[0]?.status).toBe("COMPLETED");
  });

  it("groups tickets into matches by matchId, players sorted by team, with their attributes", () => {
    const model = new DashboardModel();
    for (const [id, team] of [
      ["a", "red"],
      ["b", "blue"],
      ["c", "red"],
      ["d", "blue"],
    ] as const) {
      model.apply({
        kind: "ticket",
        at: 1,
        ticket: ticket(id, "COMPLETED", 10, {
          matchId: "m1",
          teams: { [`p-${id}`]: team },
          gameSession: "127.0.0.1:7777",
        }),
      });
    }
    model.setAttributes("p-a", "skill 1000");

    const [match] = model.view(20).matches;

    expect(match).toMatchObject({ matchId: "m1", status: "COMPLETED", gameSession: "127.0.0.1:7777" });
    expect(match?.players.map((p) => `${p.team}:${p.playerId}`)).toEqual([
      "blue:p-b",
      "blue:p-d",
      "red:p-a",
      "red:p-c",
    ]);
    expect(match?.players.find((p) => p.playerId === "p-a")?.attributes).toBe("skill 1000");
    expect(
      model
        .playersWithoutAttributes()
        .map((p) => p.playerId)
        .sort(),
    ).toEqual(["p-b", "p-c", "p-d"]);
  });

  it.each([
    [
      { kind: "notification", at: 1, topic: "events", type: "MatchmakingSucceeded", ticketIds: ["t"], matchId: "m" },
      "notification",
    ],
    [
      {
        kind: "delivery",
        at: 1,
        outcome: "retrying",
        messageId: "x",
        topic: "events",
        endpoint: "consumer",
        attempt: 1,
        error: "boom",
      },
      "retrying",
    ],
    [
      {
        kind: "delivery",
        at: 1,
        outcome: "deadLettered",
        messageId: "x",
        topic: "events",
        endpoint: "consumer",
        attempt: 4,
        error: "boom",
      },
      "deadLettered",
    ],
    [{ kind: "reconcile", at: 1, durationMs: 5, summary: "{}" }, "reconcile"],
    [{ kind: "redrive", at: 1, count: 2 }, "redrive"],
  ] as const)("logs and counts %o as %s", (event, kind) => {
    const model = new DashboardModel();

    model.apply(event);

    const view = model.view(2);
    expect(view.totals[kind]).toBe(1);
    expect(view.log[0]?.kind).toBe(kind);
  });

  it("keeps the last capacity figures when a read fails, marked with the error", () => {
    const model = new DashboardModel();
    const fleet = {
      fleetId: "f",
      location: "us-east-1",
      desired: 1,
      active: 1,
      idle: 0,
      pending: 0,
      activeGameSessions: 1,
      currentPlayers: 4,
      maxPlayers: 10,
    };
    model.setCapacity({ fleets: [fleet], gameSessions: [] });

    model.setCapacityError("ThrottlingException: Rate exceeded");

    expect(model.view(1)).toMatchObject({ fleets: [fleet], capacityError: "ThrottlingException: Rate exceeded" });
  });

  it("moves its version only when something changed", () => {
    const model = new DashboardModel();
    model.setFaults({ sns: { drop: 0 }, gamelift: {} });
    const before = model.version;

    model.setFaults({ sns: { drop: 0 }, gamelift: {} });

    expect(model.version).toBe(before);
  });
});

describe("DashboardBus", () => {
  it("tells every listener, and reports a listener that throws without stopping the others", () => {
    const errors: unknown[] = [];
    const bus = new DashboardBus((err) => errors.push(err));
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error("observer fault");
    });
    const off = bus.subscribe((e) => seen.push(e.kind));

    bus.publish({ kind: "redrive", at: 1, count: 0 });
    off();
    bus.publish({ kind: "redrive", at: 2, count: 0 });

    expect(seen).toEqual(["redrive"]);
    expect(errors).toHaveLength(2);
  });
});

describe("LocalSns delivery observer", () => {
  it("reports a retry, then the dead letter, of a delivery that keeps failing, and a delivery that works", async () => {
    const seen: DeliveryEvent[] = [];
    const sns = new LocalSns({
      region: "us-east-1",
      accountId: "123456789012",
      logger: new Logger({ logLevel: "SILENT" }),
      retryDelaysMs: [0],
      observe: (e) => seen.push(e),
    });
    const topic = sns.createTopic("t");
    sns.subscribe(topic, "failing.handler", () => Promise.reject(new Error("down")));
    sns.subscribe(topic, "working.handler", () => Promise.resolve(undefined));

    sns.publish(topic, "{}");
    await sns.drain();

    const summary = seen.map((e) => `${e.endpoint}:${e.outcome}:${e.attempt}`).sort();
    expect(summary).toEqual([
      "failing.handler:deadLettered:2",
      "failing.handler:retrying:1",
      "working.handler:delivered:1",
    ]);
  });
});
