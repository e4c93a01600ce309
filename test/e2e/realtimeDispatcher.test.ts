/**
 * The realtime dispatcher's failure policy, invoked with Lambda-shaped DynamoDB Streams batches on
 * the local stage (real table, real `@connections` posts to real sockets, real MatchEvents topic).
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { ConnectionRepository, createDocumentClient } from "@matchplace/core/dynamo";
import { realtime } from "@matchplace/functions/routes";
import type { LocalStage } from "@matchplace/local";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStage } from "../support/stage.js";

let stage: LocalStage;
let ddb: DynamoDBClient;
let connections: ConnectionRepository;
let dispatch: (
  event: DynamoDBStreamEvent,
  context: unknown,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
const run = Date.now().toString(36);
const context = { functionName: "dispatch", awsRequestId: "req", getRemainingTimeInMillis: () => 30_000 };
let seq = 0;

beforeAll(async () => {
  stage = await startTestStage();
  ddb = new DynamoDBClient({
    endpoint: stage.endpoints.dynamodb,
    region: stage.endpoints.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  connections = new ConnectionRepository({
    client: createDocumentClient({ client: ddb }),
    tableName: stage.endpoints.tableName,
  });
  // The stage set the links first; this is the module the stream poller runs (routes.ts names it).
  expect(realtime.dispatcher.handler).toBe("packages/functions/src/realtime/dispatch.handler");
  dispatch = ((await import("../../packages/functions/src/realtime/dispatch.js")) as { handler: typeof dispatch })
    .handler;
}, 120_000);

afterAll(async () => {
  ddb?.destroy();
  await stage?.stop();
});

/** A stream record for a ticket item written from `before` to `after` (plain objects, marshalled here). */
function ticketRecord(
  ticketId: string,
  playerIds: string[],
  after: Record<string, unknown> | undefined,
  before?: Record<string, unknown>,
): DynamoDBRecord {
  seq += 1;
  const keys = { pk: `TICKET#${ticketId}`, sk: "TICKET" };
  return {
    eventID: `e${seq}`,
    eventName: before ? "MODIFY" : "INSERT",
    eventSource: "aws:dynamodb",
    eventVersion: "1.1",
    awsRegion: "us-east-1",
    dynamodb: {
      Keys: marshall(keys) as never,
      ...(after
        ? {
            NewImage: marshall(
              {
                ...keys,
                ticketId,
                configurationName: "arena",
                playerIds,
                players: {},
                createdAt: 1,
                updatedAt: 2,
                heardAt: 2,
                eventIds: [],
                ...after,
              },
              { removeUndefinedValues: true },
            ) as never,
          }
        : {}),
      ...(before
        ? {
            OldImage: marshall({
              ...keys,
              ticketId,
              configurationName: "arena",
              playerIds,
              players: {},
              createdAt: 1,
              updatedAt: 1,
              heardAt: 1,
              eventIds: [],
              ...before,
            }) as never,
          }
        : {}),
      SequenceNumber: String(1000 + seq),
      StreamViewType: "NEW_AND_OLD_IMAGES",
    },
  };
}

/** A socket for a player, collecting what it receives. */
async function socketFor(
  playerId: string,
): Promise<{ ws: WebSocket; got: { type: string; ticket?: { ticketId: string; version: number } }[] }> {
  const got: { type: string; ticket?: { ticketId: string; version: number } }[] = [];
  const ws = new WebSocket(`${stage.endpoints.websocket}?token=${await stage.issuer.issue(playerId)}`);
  ws.on("message", (d) => got.push(JSON.parse(String(d)) as (typeof got)[number]));
  await new Promise((r, j) => {
    ws.on("open", r);
    ws.on("error", j);
  });
  return { ws, got };
}

describe("the realtime dispatcher", () => {
  it("reports a poison record as a batch item failure and still delivers the others", async () => {
    const player = `poison-${run}`;
    const { ws, got } = await socketFor(player);
    const good1 = ticketRecord(
      `tp1-${run}`,
      [player],
      { status: "SEARCHING", version: 2 },
      { status: "QUEUED", version: 1 },
    );
    const poison = ticketRecord(
      `tp2-${run}`,
      [player],
      { status: "SEARCHING", version: 2, playerIds: "not-a-list" },
      { status: "QUEUED", version: 1 },
    );
    const good2 = ticketRecord(
      `tp3-${run}`,
      [player],
      { status: "SEARCHING", version: 2 },
      { status: "QUEUED", version: 1 },
    );

    const result = await dispatch({ Records: [good1, poison, good2] }, context);
    await waitForMessages(got, 2);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: poison.dynamodb?.SequenceNumber }]);
    expect(got.map((m) => m.ticket?.ticketId).sort()).toEqual([`tp1-${run}`, `tp3-${run}`]);
    ws.close();
  });

  it("removes a connection API Gateway calls gone, and delivers to the live one", async () => {
    const player = `gone-${run}`;
    const { ws, got } = await socketFor(player);
    await connections.add(player, "Z29uZS1jb25uZWN0aW9u", Date.now()); // recorded, but no such socket: $disconnect never ran

    const result = await dispatch(
      {
        Records: [
          ticketRecord(`tg-${run}`, [player], { status: "SEARCHING", version: 2 }, { status: "QUEUED", version: 1 }),
        ],
      },
      context,
    );
    await waitForMessages(got, 1);

    expect(result.batchItemFailures).toEqual([]);
    expect((await connections.listForPlayer(player, Date.now())).map((c) => c.connectionId)).not.toContain(
      "Z29uZS1jb25uZWN0aW9u",
    );
    expect((await connections.listForPlayer(player, Date.now())).length).toBe(1);
    ws.close();
  });

  it("sends nothing for a write no player can see, nor for other item kinds", async () => {
    const player = `quiet-${run}`;
    const { ws, got } = await socketFor(player);
    const heardOnly = ticketRecord(
      `tq-${run}`,
      [player],
      { status: "SEARCHING", version: 2, updatedAt: 1, heardAt: 99 },
      { status: "SEARCHING", version: 2 },
    );
    const profile: DynamoDBRecord = {
      ...heardOnly,
      dynamodb: { ...heardOnly.dynamodb, Keys: marshall({ pk: `PLAYER#${player}`, sk: "PROFILE" }) as never },
    };
    const marker = ticketRecord(
      `tm-${run}`,
      [player],
      { status: "SEARCHING", version: 2 },
      { status: "QUEUED", version: 1 },
    );

    const result = await dispatch({ Records: [heardOnly, profile, marker] }, context);
    await roundTrip(ws, got);

    expect(result.batchItemFailures).toEqual([]);
    expect(got.filter((m) => m.type !== "pong").map((m) => m.ticket?.ticketId)).toEqual([`tm-${run}`]);
    ws.close();
  });
});

/**
 * Pings over the socket and waits for the pong: frames on one socket arrive in order, so everything
 * posted before the ping (the dispatcher awaited its posts) has arrived by then.
 */
async function roundTrip(ws: WebSocket, got: { type: string }[]): Promise<void> {
  const before = got.filter((m) => m.type === "pong").length;
  ws.send(JSON.stringify({ action: "ping" }));
  while (got.filter((m) => m.type === "pong").length === before) await new Promise((r) => setImmediate(r));
}

/** Waits until `n` messages arrived (event-driven; the test's timeout bounds it). */
async function waitForMessages(got: unknown[], n: number): Promise<void> {
  while (got.length < n) await new Promise((r) => setImmediate(r));
}
