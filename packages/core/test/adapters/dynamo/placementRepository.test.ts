import { beforeAll, describe, expect, it } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { ItemExistsError, PlacementRepository } from "../../../src/adapters/dynamo/index.js";
import { ForeignPlayersError } from "../../../src/domain/events/errors.js";
import type { PlacementEvent } from "../../../src/domain/events/types.js";
import { createTestTable, type TestTable } from "./tableFixture.js";

let table: TestTable;
let repo: PlacementRepository;

beforeAll(async () => {
  table = await createTestTable("placements");
  repo = new PlacementRepository({ client: table.doc, tableName: table.tableName });
});

const store = (placementId: string, createdAt = 1_000, playerIds = ["p1"]) =>
  repo.create({
    placementId,
    queueName: "arena-queue",
    playerIds,
    players: Object.fromEntries(playerIds.map((p) => [p, {}])),
    createdAt,
  });

const fulfilled = (placementId: string, time: number, playerIds = ["p1"]): PlacementEvent => ({
  id: `${placementId}-${time}`,
  type: "PlacementFulfilled",
  dedupe: true,
  time,
  placementId,
  queueName: "arena-queue",
  status: "FULFILLED",
  playerIds,
  players: Object.fromEntries(playerIds.map((p) => [p, { playerSessionId: `psess-${p}` }])),
  gameSessionRegion: "eu-west-1",
});

const heardAt = async (placementId: string): Promise<unknown> =>
  (
    await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: `PLACEMENT#${placementId}`, sk: "PLACEMENT" } }),
    )
  ).Item?.["heardAt"];

describe("PlacementRepository.create", () => {
  it("stores a PENDING placement at version 1 and reads it back", async () => {
    const created = await store("plc-1");

    expect(created).toMatchObject({ placementId: "plc-1", status: "PENDING", version: 1, heardAt: 1_000 });
    expect(await repo.get("plc-1")).toEqual(created);
    expect(await repo.get("plc-1", "eventual")).toEqual(created);
  });

  it("answers a retried create (same time, same players) with the stored placement", async () => {
    const first = await store("plc-retry", 2_000, ["p1", "p2"]);

    expect(await store("plc-retry", 2_000, ["p1", "p2"])).toEqual(first);
  });

  it("refuses another placement under a taken id", async () => {
    await store("plc-taken", 3_000);

    await expect(store("plc-taken", 3_001)).rejects.toBeInstanceOf(ItemExistsError);
    await expect(store("plc-taken", 3_000, ["p9"])).rejects.toBeInstanceOf(ItemExistsError);
  });

  it("returns undefined for an unknown placement", async () => {
    expect(await repo.get("never")).toBeUndefined();
  });
});

describe("PlacementRepository.apply / touch / listStale", () => {
  it("folds an event once: a replay is a no-op", async () => {
    await store("plc-fold");

    expect(await repo.apply(fulfilled("plc-fold", 5_000), 5_000)).toBe(true);
    expect(await repo.apply(fulfilled("plc-fold", 5_000), 6_000)).toBe(false);
    expect(await repo.get("plc-fold")).toMatchObject({ status: "FULFILLED", version: 2 });
  });

  it("throws ForeignPlayersError for an event naming other players, and writes nothing", async () => {
    await store("plc-foreign");

    await expect(repo.apply(fulfilled("plc-foreign", 5_000, ["mallory"]), 5_000)).rejects.toBeInstanceOf(
      ForeignPlayersError,
    );
    expect((await repo.get("plc-foreign"))?.status).toBe("PENDING");
  });

  it("marks a pending placement as heard of, and leaves ended and unknown ones alone", async () => {
    await store("plc-touch", 1_000);
    await store("plc-ended", 1_000);
    await repo.apply(fulfilled("plc-ended", 2_000), 2_000);

    await repo.touch("plc-touch", 9_000);
    await repo.touch("plc-ended", 9_000);
    await repo.touch("plc-missing", 9_000);

    expect(await heardAt("plc-touch")).toBe(9_000);
    expect(await heardAt("plc-ended")).toBe(2_000);
    expect(await heardAt("plc-missing")).toBeUndefined();
  });

  it("lists pending placements not heard of since the cutoff", async () => {
    const local = new PlacementRepository({ client: table.doc, tableName: table.tableName });
    await store("plc-stale", 100_000);
    await store("plc-fresh", 100_000);
    await local.touch("plc-fresh", 200_000);

    const ids = (await local.listStale(150_000, 100)).map((p) => p.placementId);

    expect(ids).toContain("plc-stale");
    expect(ids).not.toContain("plc-fresh");
  });

  it("propagates an error that is not a failed condition", async () => {
    const missing = new PlacementRepository({ client: table.doc, tableName: "no-such-table" });

    await expect(missing.touch("x", 1)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(missing.apply(fulfilled("x", 1), 1)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(store("x").then(() => missing.create({ ...fulfilled("x", 1), createdAt: 1 }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });
});
