import { beforeAll, describe, expect, it } from "vitest";
import type { PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import { GS_ARN, flexMatch, lambdaContext, placement, sns, storeTickets, tableForHandler } from "./support.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;
let tickets: TicketRepository;
let placements: PlacementRepository;

beforeAll(async () => {
  ({ tickets, placements } = await tableForHandler("consumer"));
  // The module reads Resource.Table.name and builds its client at import: env first.
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
});

const pair = (
  suffix: string,
): { ticketId: string; players: { playerId: string; team?: string; playerSessionId?: string }[] }[] => [
  { ticketId: `t1-${suffix}`, players: [{ playerId: `a-${suffix}` }] },
  { ticketId: `t2-${suffix}`, players: [{ playerId: `b-${suffix}` }] },
];

describe("events consumer", () => {
  it("folds an SNS-delivered lifecycle into COMPLETED with each player's own session", async () => {
    const [t1, t2] = pair("ok");
    if (!t1 || !t2) throw new Error("fixture");
    await storeTickets(tickets, [t1, t2]);
    const succeeded = flexMatch(
      "MatchmakingSucceeded",
      [
        { ticketId: t1.ticketId, players: [{ playerId: "a-ok", team: "red", playerSessionId: "psess-a" }] },
        { ticketId: t2.ticketId, players: [{ playerId: "b-ok", team: "blue", playerSessionId: "psess-b" }] },
      ],
      {
        id: "ok-3",
        time: 3_000,
        extra: { matchId: "m-ok" },
        session: { gameSessionArn: GS_ARN, ipAddress: "10.0.0.1", dnsName: "gs.example", port: 7777 },
      },
    );

    await handler(
      sns(
        flexMatch("MatchmakingSearching", [t1, t2], {
          id: "ok-1",
          time: 1_000,
          extra: { estimatedWaitMillis: "NOT_AVAILABLE" },
        }),
      ),
      lambdaContext(),
    );
    await handler(sns(succeeded), lambdaContext());
    await handler(
      sns(
        flexMatch("PotentialMatchCreated", [t1, t2], {
          id: "ok-2",
          time: 2_000,
          extra: { matchId: "m-ok", acceptanceRequired: false },
        }),
      ),
      lambdaContext(),
    );

    const a = await tickets.get(t1.ticketId);
    const b = await tickets.get(t2.ticketId);
    expect(a?.status).toBe("COMPLETED");
    expect(a?.players).toEqual({ "a-ok": { team: "red", playerSessionId: "psess-a" } });
    expect(b?.players).toEqual({ "b-ok": { team: "blue", playerSessionId: "psess-b" } });
    expect(a?.connection).toEqual({ gameSessionArn: GS_ARN, ipAddress: "10.0.0.1", dnsName: "gs.example", port: 7777 });
    expect(a?.matchId).toBe("m-ok");
  });

  it("takes EventBridge-direct events", async () => {
    const [t1] = pair("eb");
    if (!t1) throw new Error("fixture");
    await storeTickets(tickets, [t1]);

    await handler(
      flexMatch("MatchmakingSearching", [t1], { id: "eb-1", time: 1_000, extra: { estimatedWaitMillis: 12 } }),
      lambdaContext(),
    );

    expect(await tickets.get(t1.ticketId)).toMatchObject({
      status: "SEARCHING",
      estimatedWaitSeconds: 12,
      configurationName: "arena",
    });
  });

  it("never overwrites a terminal state", async () => {
    const [t1] = pair("term");
    if (!t1) throw new Error("fixture");
    await storeTickets(tickets, [t1]);

    await handler(
      sns(
        flexMatch("MatchmakingCancelled", [t1], {
          id: "term-1",
          time: 1_000,
          extra: { reason: "Cancelled", message: "Cancelled by request." },
        }),
      ),
      lambdaContext(),
    );
    await handler(sns(flexMatch("MatchmakingSearching", [t1], { id: "term-2", time: 9_000 })), lambdaContext());
    await handler(sns(flexMatch("MatchmakingTimedOut", [t1], { id: "term-3", time: 9_500 })), lambdaContext());

    expect(await tickets.get(t1.ticketId)).toMatchObject({
      status: "CANCELLED",
      reason: "Cancelled",
      message: "Cancelled by request.",
    });
  });

  it("ignores a duplicate delivery of the same event", async () => {
    const [t1] = pair("dup");
    if (!t1) throw new Error("fixture");
    await storeTickets(tickets, [t1]);
    const searching = flexMatch("MatchmakingSearching", [t1], { id: "dup-1", time: 1_000 });

    await handler(sns(searching, searching), lambdaContext());
    await handler(sns(searching), lambdaContext());

    expect((await tickets.get(t1.ticketId))?.eventIds).toEqual(["dup-1"]);
  });

  it("acknowledges an unknown event type", async () => {
    await expect(
      handler(sns(flexMatch("MatchmakingSomethingNew", pair("unk"), { id: "unk-1", time: 1 })), lambdaContext()),
    ).resolves.toBeUndefined();
  });

  it("folds the good messages of a delivery, then fails on a poison one so it reaches the DLQ", async () => {
    const [t1] = pair("poison");
    if (!t1) throw new Error("fixture");
    await storeTickets(tickets, [t1]);

    const run = handler(
      sns("{not json", flexMatch("MatchmakingSearching", [t1], { id: "p-1", time: 1 })),
      lambdaContext(),
    );

    await expect(run).rejects.toThrow(/undecodable/);
    expect((await tickets.get(t1.ticketId))?.status).toBe("SEARCHING");
  });

  it("folds placement events into placement items, port string → number", async () => {
    await placements.create({
      placementId: "plc-1",
      queueName: "arena",
      playerIds: ["a"],
      players: {},
      createdAt: 500,
    });
    await handler(
      sns(
        placement("PlacementFulfilled", "plc-1", {
          id: "pl-1",
          time: 5_000,
          players: [{ playerId: "a", playerSessionId: "psess-a" }],
        }),
      ),
      lambdaContext(),
    );
    await handler(sns(placement("PlacementFailed", "plc-1", { id: "pl-2", time: 6_000 })), lambdaContext());

    expect(await placements.get("plc-1")).toMatchObject({
      status: "FULFILLED",
      queueName: "arena",
      players: { a: { playerSessionId: "psess-a" } },
      connection: { gameSessionArn: GS_ARN, ipAddress: "10.0.0.9", dnsName: "gs.example", port: 7001 },
    });
  });

  it("records backfill tickets against their game session", async () => {
    await tickets.create({
      ticketId: "bf-manual",
      configurationName: "arena",
      playerIds: ["old", "new"],
      players: { old: { team: "red" }, new: {} },
      createdAt: 1,
      backfillOf: GS_ARN,
    });
    const session = { gameSessionArn: GS_ARN, ipAddress: "10.0.0.1", dnsName: "gs.example", port: 7777 };

    await handler(
      sns(
        flexMatch(
          "MatchmakingSucceeded",
          [
            {
              ticketId: "bf-manual",
              players: [
                { playerId: "old", team: "red" },
                { playerId: "new", team: "blue", playerSessionId: "psess-new" },
              ],
            },
          ],
          { id: "bf-1", time: 5_000, session },
        ),
      ),
      lambdaContext(),
    );
    await handler(
      sns(
        flexMatch("MatchmakingSearching", [{ ticketId: "auto-backfill-xyz", players: [] }], {
          id: "bf-2",
          time: 5_000,
          session: { gameSessionArn: GS_ARN },
        }),
      ),
      lambdaContext(),
    );

    expect(await tickets.get("bf-manual")).toMatchObject({
      status: "COMPLETED",
      backfillOf: GS_ARN,
      players: { new: { playerSessionId: "psess-new" } },
    });
    expect(await tickets.get("auto-backfill-xyz")).toMatchObject({ status: "SEARCHING", backfillOf: GS_ARN });
  });
});
