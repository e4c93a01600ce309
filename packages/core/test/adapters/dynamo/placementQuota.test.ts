import { beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "../../../src/errors.js";
import { PlayerRepository } from "../../../src/adapters/dynamo/index.js";
import { createTestTable } from "./tableFixture.js";

let players: PlayerRepository;

beforeAll(async () => {
  const table = await createTestTable("quota");
  players = new PlayerRepository({ client: table.doc, tableName: table.tableName });
});

describe("PlayerRepository placement slots (DynamoDB Local)", () => {
  it("admits exactly `quota` of N parallel claims (one conditional write each)", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => players.claimPlacementSlot(`plc-${i}`, ["racer"], 3, 1_000 + i)),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "PLACEMENT_QUOTA_EXCEEDED" });
    expect((await players.get("racer"))?.activePlacements).toHaveLength(3);
  });

  it("claims for a whole party or for nobody", async () => {
    await players.claimPlacementSlot("solo-1", ["member-b"], 1, 1);

    await expect(players.claimPlacementSlot("party-1", ["member-a", "member-b"], 1, 2)).rejects.toBeInstanceOf(
      ConflictError,
    );

    expect((await players.get("member-a"))?.activePlacements ?? []).toEqual([]);
  });

  it("frees a slot so the next claim fits", async () => {
    await players.claimPlacementSlot("one", ["freed"], 1, 5);
    const [slot] = (await players.get("freed"))?.activePlacements ?? [];

    await players.releasePlacementSlots("freed", [slot ?? ""]);

    await expect(players.claimPlacementSlot("two", ["freed"], 1, 6)).resolves.toBeUndefined();
  });
});
