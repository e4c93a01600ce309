import { beforeAll, describe, expect, it } from "vitest";
import {
  PartyRepository,
  partyReader,
  PlacementRepository,
  placementReader,
  PlayerRepository,
  playerReader,
  TicketRepository,
  ticketReader,
} from "../../../src/adapters/dynamo/index.js";
import { createTestTable, type TestTable } from "./tableFixture.js";

let table: TestTable;
let options: { client: TestTable["doc"]; tableName: string };

beforeAll(async () => {
  table = await createTestTable("readers");
  options = { client: table.doc, tableName: table.tableName };
});

describe("the item readers (DynamoDB Local)", () => {
  it("read each kind of item as its repository wrote and reads it, with either consistency", async () => {
    const players = new PlayerRepository(options);
    const parties = new PartyRepository(options);
    const tickets = new TicketRepository(options);
    const placements = new PlacementRepository(options);
    await players.getOrCreate("leader", 1_000);
    await players.claimPlacementSlot("plc-1", ["leader"], 2, 1_100);
    await parties.create({
      partyId: "pty-1",
      leaderId: "leader",
      memberIds: ["leader"],
      code: "ABCDEF",
      version: 1,
      createdAt: 1_200,
      updatedAt: 1_200,
    });
    await tickets.create({
      ticketId: "tkt-1",
      configurationName: "arena",
      playerIds: ["leader"],
      players: { leader: {} },
      createdAt: 1_300,
    });
    await placements.create({
      placementId: "plc-1",
      queueName: "arena-queue",
      playerIds: ["leader"],
      players: { leader: {} },
      createdAt: 1_400,
    });

    for (const consistency of ["strong", "eventual"] as const) {
      const profile = await playerReader(options).get("leader", consistency);
      expect(profile).toEqual(await players.get("leader"));
      expect(profile).toMatchObject({ playerId: "leader", partyId: "pty-1" });
      expect(profile?.activePlacements).toHaveLength(1); // a string set, mapped to a sorted array as the repository does
      expect(await partyReader(options).get("pty-1", consistency)).toEqual(await parties.get("pty-1"));
      expect(await ticketReader(options).get("tkt-1", consistency)).toEqual(await tickets.get("tkt-1"));
      expect(await placementReader(options).get("plc-1", consistency)).toEqual(await placements.get("plc-1"));
    }
    expect(await ticketReader(options).get("tkt-1")).toMatchObject({ ticketId: "tkt-1", status: "QUEUED" });
  });

  it("return undefined for an item that does not exist", async () => {
    expect(await playerReader(options).get("nobody", "eventual")).toBeUndefined();
    expect(await partyReader(options).get("nope")).toBeUndefined();
    expect(await ticketReader(options).get("nope")).toBeUndefined();
    expect(await placementReader(options).get("nope", "eventual")).toBeUndefined();
  });
});
