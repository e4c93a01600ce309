import { randomUUID } from "node:crypto";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, inject, it } from "vitest";
import { Logger } from "@aws-lambda-powertools/logger";
import { DeleteItemCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { createTable } from "@matchplace/core/dynamo";
import { realtime } from "@matchplace/functions/routes";
import { repoRoot } from "../../src/handlers.js";
import { outcomeOf } from "../../src/streams/batchDelivery.js";
import {
  assertValidPattern,
  matchesAnyPattern,
  matchesPattern,
  type FilterPattern,
} from "../../src/streams/filterPattern.js";
import { startStreamPoller, type StreamPoller, type StreamPollerOptions } from "../../src/streams/StreamPoller.js";
import { streamEvents } from "../fixtures/streamHandler.js";

const logger = new Logger({ serviceName: "test", logLevel: "CRITICAL" });
const region = "us-east-1";

describe("filter patterns (Lambda filter criteria)", () => {
  const record = {
    eventName: "MODIFY",
    dynamodb: {
      Keys: { pk: { S: "TICKET#t1" }, sk: { S: "TICKET" } },
      NewImage: { status: { S: "SEARCHING" }, rank: { N: "2" }, tags: { L: [{ S: "a" }, { S: "b" }] } },
    },
  };
  const cases: [string, FilterPattern, boolean][] = [
    ["an exact value", { eventName: ["MODIFY"] }, true],
    ["one of several values", { eventName: ["INSERT", "MODIFY"] }, true],
    ["a value not listed", { eventName: ["REMOVE"] }, false],
    ["a prefix", { dynamodb: { Keys: { pk: { S: [{ prefix: "TICKET#" }] } } } }, true],
    ["another prefix", { dynamodb: { Keys: { pk: { S: [{ prefix: "PLAYER#" }] } } } }, false],
    ["a suffix", { dynamodb: { Keys: { pk: { S: [{ suffix: "#t1" }] } } } }, true],
    ["equals-ignore-case", { eventName: [{ "equals-ignore-case": "modify" }] }, true],
    ["exists on a present leaf", { dynamodb: { NewImage: { status: { S: [{ exists: true }] } } } }, true],
    ["exists on a missing leaf", { dynamodb: { OldImage: { status: { S: [{ exists: true }] } } } }, false],
    ["exists false on a missing leaf", { dynamodb: { OldImage: { status: { S: [{ exists: false }] } } } }, true],
    ["exists false on a present leaf", { dynamodb: { NewImage: { status: { S: [{ exists: false }] } } } }, false],
    ["exists on an object node (leaves only)", { dynamodb: { NewImage: [{ exists: true }] } }, false],
    ["anything-but a list", { eventName: [{ "anything-but": ["REMOVE", "INSERT"] }] }, true],
    ["anything-but the value", { eventName: [{ "anything-but": "MODIFY" }] }, false],
    [
      "anything-but a prefix",
      { dynamodb: { Keys: { pk: { S: [{ "anything-but": { prefix: "TICKET#" } }] } } } },
      false,
    ],
    ["numeric on an N string", { dynamodb: { NewImage: { rank: { N: [{ numeric: [">", 1, "<=", 2] }] } } } }, true],
    ["numeric out of range", { dynamodb: { NewImage: { rank: { N: [{ numeric: [">", 2] }] } } } }, false],
    ["any element of a list", { dynamodb: { NewImage: { tags: { L: { S: ["b"] } } } } }, true],
    ["a missing field", { userIdentity: { type: ["Service"] } }, false],
    ["AND across keys", { eventName: ["MODIFY"], dynamodb: { Keys: { sk: { S: ["PROFILE"] } } } }, false],
  ];
  it.each(cases)("matches %s: %s → %s", (_name, pattern, expected) => {
    assertValidPattern(pattern);
    expect(matchesPattern(pattern, record)).toBe(expected);
  });

  it("delivers a record when any pattern matches, and everything when there are none", () => {
    expect(matchesAnyPattern([{ eventName: ["INSERT"] }, { eventName: ["MODIFY"] }], record)).toBe(true);
    expect(matchesAnyPattern([{ eventName: ["INSERT"] }], record)).toBe(false);
    expect(matchesAnyPattern([], record)).toBe(true);
  });

  it.each([
    [{ a: "x" }],
    [{ a: [] }],
    [{ a: [{ prefx: "x" }] }],
    [{ a: [{ exists: "yes" }] }],
    [{ a: [{ numeric: [">"] }] }],
  ])("rejects the invalid pattern %j", (pattern) => {
    expect(() => assertValidPattern(pattern)).toThrow(/\$\.a/);
  });

  it("accepts the realtime dispatcher's filters from routes.ts", () => {
    for (const f of realtime.dispatcher.filters) assertValidPattern(f);
  });
});

describe("ReportBatchItemFailures", () => {
  const batch = ["1", "2", "3"].map((seq): DynamoDBRecord => ({ dynamodb: { SequenceNumber: seq } }));
  it.each([
    ["no result", undefined, { kind: "ok" }],
    ["an empty list", { batchItemFailures: [] }, { kind: "ok" }],
    [
      "the lowest failed record",
      { batchItemFailures: [{ itemIdentifier: "3" }, { itemIdentifier: "2" }] },
      { kind: "partial", index: 1 },
    ],
    ["an unknown identifier fails the batch", { batchItemFailures: [{ itemIdentifier: "9" }] }, { kind: "failed" }],
    ["an empty identifier fails the batch", { batchItemFailures: [{ itemIdentifier: "" }] }, { kind: "failed" }],
  ])("reads %s", (_name, result, expected) => {
    expect(outcomeOf(batch, result)).toMatchObject(expected);
  });
});

describe("stream poller on DynamoDB Local", () => {
  const endpoint = inject("dynamodbEndpoint");
  const ddb = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const pollers: StreamPoller[] = [];

  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((p) => p.stop()));
  });

  async function start(overrides: Partial<StreamPollerOptions>): Promise<{ tableName: string; poller: StreamPoller }> {
    const tableName = `poller-${randomUUID()}`;
    await createTable(ddb, tableName);
    const poller = await startStreamPoller({
      endpoint,
      region,
      tableName,
      handler: async () => undefined,
      filters: [],
      batchSize: 10,
      maxRetryAttempts: 2,
      pollIntervalMs: 10,
      logger,
      ...overrides,
    });
    pollers.push(poller);
    return { tableName, poller };
  }

  const put = (tableName: string, pk: string, sk: string, extra: Record<string, { S: string }> = {}) =>
    ddb.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: sk }, ...extra } }));

  /** A function handler that records the pk of every record of every invocation, failing what `fail` says. */
  function recorder(fail: (pk: string, attempt: number) => boolean = () => false) {
    const invocations: string[][] = [];
    const seen = new Map<string, number>();
    const handler = async (event: unknown): Promise<DynamoDBBatchResponse> => {
      const records = (event as DynamoDBStreamEvent).Records;
      invocations.push(records.map((r) => r.dynamodb?.Keys?.pk?.S ?? "?"));
      const failed = records.filter((r) => {
        const pk = r.dynamodb?.Keys?.pk?.S ?? "?";
        seen.set(pk, (seen.get(pk) ?? 0) + 1);
        return fail(pk, seen.get(pk) ?? 0);
      });
      return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? "" })) };
    };
    return { invocations, handler, delivered: () => invocations.flat() };
  }

  it("hands writes to a handler loaded by string as Lambda-shaped records, in order per item", async () => {
    const handler = `${relative(repoRoot, fileURLToPath(new URL("../fixtures/streamHandler", import.meta.url)))}.handler`;
    const { tableName, poller } = await start({ handler });
    const before = streamEvents().length;
    await put(tableName, "TICKET#t1", "TICKET", { status: { S: "QUEUED" } });
    await ddb.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: "TICKET#t1" }, sk: { S: "TICKET" } },
        UpdateExpression: "SET #s = :s",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":s": { S: "SEARCHING" } },
      }),
    );
    await ddb.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: "TICKET#t1" }, sk: { S: "TICKET" } } }),
    );

    await poller.drained();

    const records = streamEvents()
      .slice(before)
      .flatMap((e) => e.Records)
      .filter((r) => r.eventSourceARN === poller.streamArn);
    expect(records.map((r) => r.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    const [insert, modify, remove] = records;
    expect(insert).toMatchObject({
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: region,
      eventSourceARN: poller.streamArn,
      dynamodb: {
        Keys: { pk: { S: "TICKET#t1" }, sk: { S: "TICKET" } },
        NewImage: { pk: { S: "TICKET#t1" }, sk: { S: "TICKET" }, status: { S: "QUEUED" } },
        StreamViewType: "NEW_AND_OLD_IMAGES",
      },
    });
    expect(typeof insert?.eventID).toBe("string");
    expect(insert?.dynamodb?.OldImage).toBeUndefined();
    expect(insert?.dynamodb?.SequenceNumber).toMatch(/^\d+$/);
    expect(insert?.dynamodb?.SizeBytes).toBeGreaterThan(0);
    // Epoch seconds, as Lambda sends it (not milliseconds, not a Date).
    expect(Math.abs((insert?.dynamodb?.ApproximateCreationDateTime ?? 0) - Date.now() / 1000)).toBeLessThan(600);
    expect(modify?.dynamodb).toMatchObject({
      OldImage: { status: { S: "QUEUED" } },
      NewImage: { status: { S: "SEARCHING" } },
    });
    expect(remove?.dynamodb).toMatchObject({ OldImage: { status: { S: "SEARCHING" } } });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    expect(BigInt(modify?.dynamodb?.SequenceNumber ?? "0")).toBeGreaterThan(
      BigInt(insert?.dynamodb?.SequenceNumber ?? "0"),
    );
  });

  it("keeps the wire form of every attribute type, empty maps and lists included", async () => {
    const r = recorder();
    const images: DynamoDBRecord[] = [];
    const { tableName, poller } = await start({
      handler: async (event) => {
        images.push(...(event as DynamoDBStreamEvent).Records);
        return r.handler(event);
      },
    });
    await ddb.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          pk: { S: "TICKET#types" },
          sk: { S: "TICKET" },
          emptyMap: { M: {} },
          emptyList: { L: [] },
          nested: { L: [{ M: {} }, { M: { n: { N: "1.5" } } }] },
          bin: { B: new Uint8Array([1, 2, 3]) },
          bins: { BS: [new Uint8Array([4])] },
          nums: { NS: ["1", "2"] },
          strs: { SS: ["a"] },
          nothing: { NULL: true },
          flag: { BOOL: false },
        },
      }),
    );

    await poller.drained();

    expect(images[0]?.dynamodb?.NewImage).toEqual({
      pk: { S: "TICKET#types" },
      sk: { S: "TICKET" },
      emptyMap: { M: {} },
      emptyList: { L: [] },
      nested: { L: [{ M: {} }, { M: { n: { N: "1.5" } } }] },
      bin: { B: "AQID" },
      bins: { BS: ["BA=="] },
      nums: { NS: ["1", "2"] },
      strs: { SS: ["a"] },
      nothing: { NULL: true },
      flag: { BOOL: false },
    });
  });

  it("drops records that match none of the realtime dispatcher's filters", async () => {
    const r = recorder();
    const { tableName, poller } = await start({ handler: r.handler, filters: realtime.dispatcher.filters });
    await put(tableName, "PLAYER#alice", "PROFILE");
    await put(tableName, "TICKET#t1", "TICKET");
    await put(tableName, "CONNECTION#c1", "CONNECTION");
    await put(tableName, "PLACEMENT#p1", "PLACEMENT");
    await ddb.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: "TICKET#t1" }, sk: { S: "TICKET" } } }),
    );
    await put(tableName, "PARTY#x", "PARTY");

    await poller.drained();

    expect(r.delivered()).toEqual(["TICKET#t1", "PLACEMENT#p1", "PARTY#x"]);
  });

  it("re-delivers from the first failed record, and later records still arrive", async () => {
    const r = recorder((pk, attempt) => pk === "TICKET#2" && attempt === 1);
    const { tableName, poller } = await start({ handler: r.handler });
    for (const n of [1, 2, 3, 4]) await put(tableName, `TICKET#${n}`, "TICKET");

    await poller.drained();

    const delivered = r.delivered();
    expect(delivered.filter((pk) => pk === "TICKET#1")).toHaveLength(1);
    expect(delivered.filter((pk) => pk === "TICKET#2")).toHaveLength(2);
    const failedAt = r.invocations.findIndex((b) => b.includes("TICKET#2"));
    expect(r.invocations[failedAt + 1]?.[0]).toBe("TICKET#2");
    expect(r.invocations.slice(failedAt + 1).flat()).toEqual(["TICKET#2", "TICKET#3", "TICKET#4"]);
  });

  it("skips a record that keeps failing after maxRetryAttempts and delivers the rest", async () => {
    const r = recorder((pk) => pk === "TICKET#2");
    const { tableName, poller } = await start({ handler: r.handler, maxRetryAttempts: 2 });
    for (const n of [1, 2, 3, 4]) await put(tableName, `TICKET#${n}`, "TICKET");

    await poller.drained();

    const delivered = r.delivered();
    expect(delivered.filter((pk) => pk === "TICKET#2")).toHaveLength(3); // first try + 2 retries
    expect(delivered.filter((pk) => pk === "TICKET#3").length).toBeGreaterThanOrEqual(1);
    expect(delivered.at(-1)).toBe("TICKET#4");
  });

  it("retries a batch whose handler throws, then skips it and goes on", async () => {
    let calls = 0;
    const seen: string[] = [];
    const handler = async (event: unknown): Promise<void> => {
      const pks = (event as DynamoDBStreamEvent).Records.map((x) => x.dynamodb?.Keys?.pk?.S ?? "?");
      calls += 1;
      if (pks.includes("TICKET#bad")) throw new Error("poison");
      seen.push(...pks);
    };
    const { tableName, poller } = await start({ handler, batchSize: 1, maxRetryAttempts: 1 });
    await put(tableName, "TICKET#bad", "TICKET");
    await put(tableName, "TICKET#good", "TICKET");

    await poller.drained();

    expect(seen).toEqual(["TICKET#good"]);
    expect(calls).toBe(3); // bad twice (try + 1 retry), good once
  });

  it("batches records up to batchSize", async () => {
    const r = recorder();
    const { tableName, poller } = await start({ handler: r.handler, batchSize: 2 });
    for (const n of [1, 2, 3, 4, 5]) await put(tableName, `TICKET#${n}`, "TICKET");

    await poller.drained();

    expect(r.delivered()).toEqual(["TICKET#1", "TICKET#2", "TICKET#3", "TICKET#4", "TICKET#5"]);
    expect(Math.max(...r.invocations.map((b) => b.length))).toBeLessThanOrEqual(2);
  });
});
