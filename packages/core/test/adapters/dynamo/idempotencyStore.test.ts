import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createDocumentClient } from "../../../src/adapters/dynamo/client.js";
import { createTable } from "../../../src/adapters/dynamo/tableSchema.js";
import { IdempotencyStore } from "../../../src/adapters/dynamo/IdempotencyStore.js";

let store: IdempotencyStore;

beforeAll(async () => {
  const ddb = new DynamoDBClient({
    endpoint: inject("dynamodbEndpoint"),
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  const tableName = `mp-idem-${randomUUID().slice(0, 8)}`;
  await createTable(ddb, tableName);
  store = new IdempotencyStore({ client: createDocumentClient({ client: ddb }), tableName, staleClaimMs: 60_000 });
});

describe("IdempotencyStore", () => {
  it("replays a completed request and refuses another fingerprint", async () => {
    expect(await store.begin("p", "k1", "fp", 1000)).toEqual({ kind: "started" });
    await store.complete("p", "k1", { status: 202, body: "{}" });
    expect(await store.begin("p", "k1", "fp", 2000)).toEqual({ kind: "replay", response: { status: 202, body: "{}" } });
    await expect(store.begin("p", "k1", "other", 2000)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("reports a running claim, and lets the same request reclaim it once stale", async () => {
    await store.begin("p", "k2", "fp", 1000);
    await expect(store.begin("p", "k2", "fp", 30_000)).rejects.toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS" });
    await expect(store.begin("p", "k2", "other", 120_000)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await store.begin("p", "k2", "fp", 120_000)).toEqual({ kind: "started" });
  });

  it("frees an abandoned key at once", async () => {
    await store.begin("p", "k3", "fp", 1000);
    await store.abandon("p", "k3");
    expect(await store.begin("p", "k3", "another", 1001)).toEqual({ kind: "started" });
  });

  it("counts an expired record as absent", async () => {
    await store.begin("q", "k4", "fp", 0);
    await store.complete("q", "k4", { status: 200, body: "{}" });
    expect(await store.begin("q", "k4", "different", 25 * 60 * 60 * 1000)).toEqual({ kind: "started" });
  });
});
