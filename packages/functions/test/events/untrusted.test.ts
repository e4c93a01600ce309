/**
 * The consumer trusts nothing that arrives: forged envelopes, foreign players, game sessions on
 * fleets we do not place on, future times, oversized fields and fan-out bombs are refused
 * (acknowledged, nothing written), through the deployed handler against DynamoDB Local.
 */
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import {
  CONFIG_ARN,
  GS_ARN,
  QUEUE_ARN,
  flexMatch,
  lambdaContext,
  placement,
  sns,
  storeTickets,
  tableForHandler,
} from "./support.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;
let tickets: TicketRepository;
let placements: PlacementRepository;
let tableName: string;
let endpoint: string;

beforeAll(async () => {
  ({ tickets, placements, tableName, endpoint } = await tableForHandler("untrusted"));
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
});

const FUTURE = Date.now() + 10 * 60 * 1000;

/** A cancellation of `ticketId` (player `p-<ticketId>`) with one envelope field forged. */
function forgedCancel(
  ticketId: string,
  forge: (env: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  return forge(
    flexMatch("MatchmakingCancelled", [{ ticketId, players: [{ playerId: `p-${ticketId}` }] }], {
      id: `e-${ticketId}`,
      time: 2_000,
    }),
  );
}

describe("events consumer refuses what GameLift did not send to this stage", () => {
  const cases: [string, (env: Record<string, unknown>) => Record<string, unknown>][] = [
    ["another source", (e) => ({ ...e, source: "aws.sns" })],
    ["no source", ({ source: _s, ...e }) => e],
    ["another account", (e) => ({ ...e, account: "999999999999" })],
    ["another region", (e) => ({ ...e, region: "us-west-2" })],
    ["another configuration", (e) => ({ ...e, resources: [CONFIG_ARN.replace("/arena", "/other")] })],
    ["a queue ARN on a matchmaking event", (e) => ({ ...e, resources: [QUEUE_ARN] })],
    ["two resources", (e) => ({ ...e, resources: [CONFIG_ARN, CONFIG_ARN] })],
    ["a time 10 minutes in the future", (e) => ({ ...e, time: new Date(FUTURE).toISOString() })],
  ];
  it.each(cases)("refuses an event with %s and acknowledges it", async (label, forge) => {
    const ticketId = `forged-${label.replace(/[^a-z0-9]/gi, "")}`;
    await storeTickets(tickets, [{ ticketId, players: [{ playerId: `p-${ticketId}` }] }]);

    await expect(handler(sns(forgedCancel(ticketId, forge)), lambdaContext())).resolves.toBeUndefined();

    expect((await tickets.get(ticketId))?.status).toBe("QUEUED");
  });

  it("refuses an event naming other players than the stored ticket", async () => {
    await storeTickets(tickets, [{ ticketId: "victim", players: [{ playerId: "alice" }] }]);
    const hijack = flexMatch(
      "MatchmakingSucceeded",
      [{ ticketId: "victim", players: [{ playerId: "mallory", playerSessionId: "psess-m" }] }],
      {
        id: "hijack-1",
        time: 2_000,
        session: { gameSessionArn: GS_ARN, ipAddress: "6.6.6.6", dnsName: "evil.example", port: 666 },
      },
    );

    await expect(handler(sns(hijack), lambdaContext())).resolves.toBeUndefined();

    const stored = await tickets.get("victim");
    expect(stored?.status).toBe("QUEUED");
    expect(stored?.connection).toBeUndefined();
  });

  it("refuses a game session on a fleet this stage's queues do not place on", async () => {
    await storeTickets(tickets, [{ ticketId: "fleet-check", players: [{ playerId: "bob" }] }]);
    const elsewhere = GS_ARN.replace("fleet-1", "fleet-evil");
    const ev = flexMatch(
      "MatchmakingSucceeded",
      [{ ticketId: "fleet-check", players: [{ playerId: "bob", playerSessionId: "psess-b" }] }],
      {
        id: "fleet-1e",
        time: 2_000,
        session: { gameSessionArn: elsewhere, ipAddress: "6.6.6.6", dnsName: "evil.example", port: 666 },
      },
    );

    await handler(sns(ev), lambdaContext());

    expect((await tickets.get("fleet-check"))?.status).toBe("QUEUED");
  });

  it("refuses a placement event for another queue, and one naming other players", async () => {
    await placements.create({
      placementId: "plc-guard",
      queueName: "arena",
      playerIds: ["carol"],
      players: {},
      createdAt: 500,
    });
    const otherQueue = {
      ...placement("PlacementFulfilled", "plc-guard", {
        id: "pg-1",
        time: 2_000,
        players: [{ playerId: "carol", playerSessionId: "psess-c" }],
      }),
      resources: [QUEUE_ARN.replace("/arena", "/other")],
    };
    const otherPlayers = placement("PlacementFulfilled", "plc-guard", {
      id: "pg-2",
      time: 2_000,
      players: [{ playerId: "mallory", playerSessionId: "psess-m" }],
    });

    await handler(sns(otherQueue, otherPlayers), lambdaContext());

    expect((await placements.get("plc-guard"))?.status).toBe("PENDING");
  });

  it("still folds the genuine event after refusing forgeries", async () => {
    await storeTickets(tickets, [{ ticketId: "genuine", players: [{ playerId: "dave" }] }]);
    const real = flexMatch("MatchmakingSearching", [{ ticketId: "genuine", players: [{ playerId: "dave" }] }], {
      id: "gen-1",
      time: 2_000,
    });

    await handler(sns({ ...real, id: "gen-0", account: "999999999999" }, real), lambdaContext());

    expect((await tickets.get("genuine"))?.status).toBe("SEARCHING");
  });
});

describe("events consumer bounds what it stores", () => {
  it("refuses an event id longer than GameLift's, so no item grows towards 400 KiB", async () => {
    await storeTickets(tickets, [{ ticketId: "big-id", players: [{ playerId: "erin" }] }]);
    const huge = flexMatch("MatchmakingSearching", [{ ticketId: "big-id", players: [{ playerId: "erin" }] }], {
      id: "x".repeat(100_000),
      time: 2_000,
    });

    await expect(handler(sns(huge), lambdaContext())).resolves.toBeUndefined();

    const stored = await tickets.get("big-id");
    expect(stored?.status).toBe("QUEUED");
    expect(stored?.eventIds).toEqual([]);
  });

  it.each([
    ["reason", { reason: "r".repeat(5_000) }],
    ["message", { message: "m".repeat(5_000) }],
    ["matchId", { matchId: "m".repeat(5_000) }],
  ])("refuses an oversized %s", async (field, extra) => {
    const ticketId = `big-${field}`;
    await storeTickets(tickets, [{ ticketId, players: [{ playerId: "fay" }] }]);

    await handler(
      sns(
        flexMatch("MatchmakingFailed", [{ ticketId, players: [{ playerId: "fay" }] }], {
          id: `big-${field}-1`,
          time: 2_000,
          extra,
        }),
      ),
      lambdaContext(),
    );

    expect((await tickets.get(ticketId))?.status).toBe("QUEUED");
  });

  it("remembers at most 20 event ids however many events a ticket receives", async () => {
    await storeTickets(tickets, [{ ticketId: "chatty", players: [{ playerId: "gus" }] }]);
    const players = [{ playerId: "gus" }];
    const many = Array.from({ length: 60 }, (_, i) =>
      flexMatch("MatchmakingSearching", [{ ticketId: "chatty", players }], {
        id: `${"c".repeat(28)}-${String(i).padStart(7, "0")}`,
        time: 2_000 + i,
      }),
    );

    await handler(sns(...many), lambdaContext());
    // A redelivery of the newest event is still recognised as a duplicate.
    const before = await tickets.get("chatty");
    await handler(sns(many[59] ?? {}), lambdaContext());

    expect(before?.eventIds.length).toBeLessThanOrEqual(20);
    expect(before?.eventIds).toContain(`${"c".repeat(28)}-0000059`);
    expect(await tickets.get("chatty")).toEqual(before);
  });
});

describe("events consumer bounds fan-out", () => {
  const raw = (): DynamoDBClient =>
    new DynamoDBClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });

  it("refuses a message listing 1,000 tickets and creates nothing", async () => {
    const list = Array.from({ length: 1_000 }, (_, i) => ({
      ticketId: `bomb-${i}`,
      players: [{ playerId: `bp-${i}` }],
    }));

    await expect(
      handler(sns(flexMatch("MatchmakingSearching", list, { id: "bomb-1", time: 2_000 })), lambdaContext()),
    ).resolves.toBeUndefined();

    const client = raw();
    const probe = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: "TICKET#bomb-0" }, sk: { S: "TICKET" } } }),
    );
    client.destroy();
    expect(probe.Item).toBeUndefined();
  });

  it("never creates a ticket it did not store, unless GameLift backfills one of our game sessions", async () => {
    const session = { gameSessionArn: GS_ARN };

    await handler(
      sns(
        flexMatch("MatchmakingSearching", [{ ticketId: "never-stored", players: [{ playerId: "hal" }] }], {
          id: "ns-1",
          time: 2_000,
          session,
        }),
      ),
      lambdaContext(),
    );
    await handler(
      sns(
        flexMatch("MatchmakingSearching", [{ ticketId: "auto-backfill-ours", players: [{ playerId: "ivy" }] }], {
          id: "ab-1",
          time: 2_000,
          session,
        }),
      ),
      lambdaContext(),
    );
    await handler(
      sns(
        flexMatch("MatchmakingSearching", [{ ticketId: "auto-backfill-theirs", players: [{ playerId: "jon" }] }], {
          id: "ab-2",
          time: 2_000,
          session: { gameSessionArn: GS_ARN.replace("fleet-1", "fleet-other") },
        }),
      ),
      lambdaContext(),
    );

    expect(await tickets.get("never-stored")).toBeUndefined();
    expect(await tickets.get("auto-backfill-theirs")).toBeUndefined();
    expect(await tickets.get("auto-backfill-ours")).toMatchObject({ status: "SEARCHING", backfillOf: GS_ARN });
    // Junk expires: an event-created item carries a TTL from the start.
    const client = raw();
    const item = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: "TICKET#auto-backfill-ours" }, sk: { S: "TICKET" } },
      }),
    );
    client.destroy();
    expect(Number(item.Item?.["expiresAt"]?.N)).toBeGreaterThan(0);
  });

  it("folds a 200-ticket match (FlexMatch's maximum) completely", async () => {
    const list = Array.from({ length: 200 }, (_, i) => ({ ticketId: `max-${i}`, players: [{ playerId: `mp-${i}` }] }));
    await storeTickets(tickets, list);

    await handler(sns(flexMatch("MatchmakingSearching", list, { id: "max-1", time: 2_000 })), lambdaContext());

    expect((await tickets.get("max-0"))?.status).toBe("SEARCHING");
    expect((await tickets.get("max-199"))?.status).toBe("SEARCHING");
  });
});
