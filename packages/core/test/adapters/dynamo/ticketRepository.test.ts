import { beforeAll, describe, expect, it } from "vitest";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  ItemExistsError,
  PlacementRepository,
  pendingShardFor,
  placementKey,
  TicketRepository,
  ticketKey,
} from "../../../src/adapters/dynamo/index.js";
import { ForeignPlayersError } from "../../../src/domain/events/errors.js";
import { createTestTable, type TestTable } from "./tableFixture.js";

let table: TestTable;
let repo: TicketRepository;

beforeAll(async () => {
  table = await createTestTable("tickets");
  repo = new TicketRepository({ client: table.doc, tableName: table.tableName });
});

describe("TicketRepository.create / get", () => {
  it("stores a QUEUED ticket in the pending index and reads it back", async () => {
    const created = await repo.create({
      ticketId: "tkt-1",
      configurationName: "arena",
      playerIds: ["p1"],
      players: { p1: {} },
      createdAt: 1_000,
    });

    const read = await repo.get("tkt-1");
    const raw = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: "TICKET#tkt-1", sk: "TICKET" } }),
    );

    expect(read).toEqual(created);
    expect(read?.status).toBe("QUEUED");
    expect(raw.Item?.["pendingShard"]).toMatch(/^TICKET#\d$/);
    expect(raw.Item?.["heardAt"]).toBe(1_000);
    expect(raw.Item?.["expiresAt"]).toBeUndefined();
  });

  it("rejects a second, different ticket with the same id", async () => {
    const t = { ticketId: "tkt-2", configurationName: "arena", playerIds: ["p1"], players: {}, createdAt: 1 };
    await repo.create(t);

    await expect(repo.create({ ...t, createdAt: 2 })).rejects.toBeInstanceOf(ItemExistsError);
  });

  it("returns undefined for an unknown ticket", async () => {
    expect(await repo.get("nope")).toBeUndefined();
  });
});

describe("TicketRepository.apply / touch / listStale", () => {
  const searching = (
    ticketId: string,
    time: number,
    id = `${ticketId}-${time}`,
  ): Parameters<TicketRepository["apply"]>[0] => ({
    id,
    type: "MatchmakingSearching",
    dedupe: true,
    time,
    ticketId,
    configurationName: "arena",
    status: "SEARCHING",
    playerIds: ["p1"],
    players: { p1: {} },
  });
  /** Stores the ticket as the API does before StartMatchmaking: events never create it. */
  const store = (ticketId: string, createdAt = 1): Promise<unknown> =>
    repo.create({ ticketId, configurationName: "arena", playerIds: ["p1"], players: {}, createdAt });

  it("leaves the pending index and gets a TTL once terminal", async () => {
    await store("ttl-1");
    await repo.apply(searching("ttl-1", 1_000), 5_000);
    const retention = repo.retentionSeconds;

    await repo.apply(
      { ...searching("ttl-1", 2_000), type: "MatchmakingTimedOut", status: "TIMED_OUT", reason: "TimedOut" },
      9_000,
    );
    const raw = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: "TICKET#ttl-1", sk: "TICKET" } }),
    );

    expect(raw.Item?.["pendingShard"]).toBeUndefined();
    expect(raw.Item?.["expiresAt"]).toBe(9 + retention);
    expect(await repo.listStale(Number.MAX_SAFE_INTEGER, 1000)).not.toContainEqual(
      expect.objectContaining({ ticketId: "ttl-1" }),
    );
  });

  it("lists only tickets not heard of since the cutoff, and touch moves one out", async () => {
    await store("stale-1");
    await store("fresh-1");
    await repo.apply(searching("stale-1", 1_000), 10_000);
    await repo.apply(searching("fresh-1", 1_000), 50_000);

    const before = (await repo.listStale(20_000, 1000)).map((t) => t.ticketId);
    await repo.touch("stale-1", 60_000);
    const after = (await repo.listStale(20_000, 1000)).map((t) => t.ticketId);

    expect(before).toContain("stale-1");
    expect(before).not.toContain("fresh-1");
    expect(after).not.toContain("stale-1");
  });

  it("lists stale tickets whole, though the pending index holds keys only", async () => {
    const created = await repo.create({
      ticketId: "whole-1",
      configurationName: "arena",
      playerIds: ["p1", "p2"],
      players: { p1: { team: "red" }, p2: {} },
      createdAt: 3_000,
    });
    const index = await table.raw.send(new DescribeTableCommand({ TableName: table.tableName }));

    const listed = (await repo.listStale(3_000, 1000)).find((t) => t.ticketId === "whole-1");

    expect(index.Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === "pending")?.Projection).toEqual({
      ProjectionType: "KEYS_ONLY",
    });
    expect(listed).toEqual(created);
  });

  it("treats a conditional-check failure as a no-op, not an error", async () => {
    await store("noop-1");
    await repo.apply(searching("noop-1", 5_000, "same"), 1);

    await expect(repo.apply(searching("noop-1", 5_000, "same"), 2)).resolves.toBe(false);
  });

  it("writes nothing for a ticket it never stored", async () => {
    await expect(repo.apply(searching("never-1", 1_000), 5_000)).resolves.toBe(false);

    expect(await repo.get("never-1")).toBeUndefined();
  });

  it("throws ForeignPlayersError for an event naming other players, and writes nothing", async () => {
    await store("foreign-1");

    await expect(
      repo.apply({ ...searching("foreign-1", 1_000), playerIds: ["mallory"], players: { mallory: {} } }, 5_000),
    ).rejects.toBeInstanceOf(ForeignPlayersError);
    expect((await repo.get("foreign-1"))?.status).toBe("QUEUED");
  });

  it("keeps the retention configurable", () => {
    expect(
      new TicketRepository({ client: table.doc, tableName: table.tableName, retentionSeconds: 60 }).retentionSeconds,
    ).toBe(60);
    expect(repo.retentionSeconds).toBe(86_400);
  });
});

describe("TicketRepository.create retried", () => {
  it("returns the stored ticket when a retried put finds its own first attempt", async () => {
    const t = { ticketId: "retry-1", configurationName: "arena", playerIds: ["p1", "p2"], players: {}, createdAt: 77 };
    await repo.create(t);

    await expect(repo.create(t)).resolves.toMatchObject({ ticketId: "retry-1", createdAt: 77 });
  });
});

describe("TicketRepository version", () => {
  const event = (
    time: number,
    id: string,
    status: "SEARCHING" | "COMPLETED" = "SEARCHING",
  ): Parameters<TicketRepository["apply"]>[0] => ({
    id,
    type: status === "SEARCHING" ? "MatchmakingSearching" : "MatchmakingSucceeded",
    dedupe: true,
    time,
    ticketId: "ver-1",
    configurationName: "arena",
    status,
    playerIds: ["p1"],
    players: { p1: {} },
  });

  it("grows by one per landed write and not for duplicates, stale events or reconciler touches", async () => {
    await repo.create({
      ticketId: "ver-1",
      configurationName: "arena",
      playerIds: ["p1"],
      players: { p1: {} },
      createdAt: 1_000,
    });
    const afterCreate = (await repo.get("ver-1"))?.version;

    await repo.apply(event(2_000, "e1"), 2_000);
    await repo.apply(event(2_000, "e1"), 2_100); // duplicate
    await repo.apply(event(1_500, "e0"), 2_200); // older than what is stored
    await repo.touch("ver-1", 3_000);
    const afterSearching = (await repo.get("ver-1"))?.version;
    await repo.apply(event(4_000, "e2", "COMPLETED"), 4_000);

    expect(afterCreate).toBe(1);
    expect(afterSearching).toBe(2);
    expect((await repo.get("ver-1"))?.version).toBe(3);
  });
});

describe("listStale of tickets and placements (one event-folded repository)", () => {
  /**
   * The `pending` GSI is eventually consistent: right after an item turns terminal, a query may still
   * return its old image with `pendingShard` set. Such an item is written here as the index would
   * show it; the reconciler must never see it again, whatever the kind.
   */
  const lagging = (key: { pk: string; sk: string }, shard: string, item: Record<string, unknown>): Promise<unknown> =>
    table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...key, ...item, pendingShard: shard, statusRank: 9, heardAt: 5, createdAt: 1, updatedAt: 5 },
      }),
    );

  it("skips a terminal ticket the pending index still lists, and lists a live one", async () => {
    await lagging(ticketKey("lag-done"), pendingShardFor("TICKET", "lag-done"), {
      ticketId: "lag-done",
      configurationName: "arena",
      status: "COMPLETED",
      playerIds: ["p1"],
      players: {},
    });
    await repo.create({
      ticketId: "lag-live",
      configurationName: "arena",
      playerIds: ["p2"],
      players: {},
      createdAt: 5,
    });

    const ids = (await repo.listStale(10, 1000)).map((t) => t.ticketId);

    expect(ids).toContain("lag-live");
    expect(ids).not.toContain("lag-done");
  });

  it("skips a terminal placement the pending index still lists, and lists a live one", async () => {
    const placements = new PlacementRepository({ client: table.doc, tableName: table.tableName });
    await lagging(placementKey("lag-done"), pendingShardFor("PLACEMENT", "lag-done"), {
      placementId: "lag-done",
      queueName: "q",
      status: "FULFILLED",
      playerIds: ["p1"],
      players: {},
    });
    await placements.create({ placementId: "lag-live", queueName: "q", playerIds: ["p2"], players: {}, createdAt: 5 });

    const ids = (await placements.listStale(10, 1000)).map((p) => p.placementId);

    expect(ids).toContain("lag-live");
    expect(ids).not.toContain("lag-done");
  });
});
