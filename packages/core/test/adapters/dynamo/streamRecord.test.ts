/**
 * Stream records built from what DynamoDB Local really stores: the images are the items the
 * repositories wrote, read back in AttributeValue form (the form a DynamoDB Streams record carries).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GetItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import {
  ConnectionRepository,
  itemChangeOf,
  PartyRepository,
  PlacementRepository,
  PlayerRepository,
  TicketRepository,
  UnreadableStreamRecordError,
} from "../../../src/adapters/dynamo/index.js";
import { createTestTable, type TestTable } from "./tableFixture.js";

let table: TestTable;
let tickets: TicketRepository;
let placements: PlacementRepository;
let parties: PartyRepository;

beforeAll(async () => {
  table = await createTestTable("stream");
  const options = { client: table.doc, tableName: table.tableName };
  tickets = new TicketRepository(options);
  placements = new PlacementRepository(options);
  parties = new PartyRepository(options);
});

/** The stored item in AttributeValue form, as a stream image. */
async function image(pk: string, sk: string): Promise<Record<string, AttributeValue>> {
  const out = await table.raw.send(
    new GetItemCommand({ TableName: table.tableName, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }),
  );
  if (!out.Item) throw new Error(`no item ${pk}/${sk}`);
  return out.Item;
}

const keys = (pk: string, sk: string): Record<string, AttributeValue> => ({ pk: { S: pk }, sk: { S: sk } });

describe("itemChangeOf", () => {
  it("decodes a new ticket (INSERT: no old image) into the ticket the repository reads", async () => {
    await tickets.create({
      ticketId: "t1",
      configurationName: "arena",
      playerIds: ["p1"],
      players: { p1: {} },
      createdAt: 5,
    });
    const after = await image("TICKET#t1", "TICKET");

    const change = itemChangeOf({ Keys: keys("TICKET#t1", "TICKET"), NewImage: after });

    expect(change).toEqual({ kind: "ticket", after: await tickets.get("t1") });
  });

  it("decodes a ticket's status change with its old and new image", async () => {
    await tickets.create({
      ticketId: "t2",
      configurationName: "arena",
      playerIds: ["p1"],
      players: { p1: {} },
      createdAt: 5,
    });
    const before = await image("TICKET#t2", "TICKET");
    await tickets.apply(
      {
        id: "e1",
        type: "MatchmakingSearching",
        dedupe: true,
        time: 10,
        ticketId: "t2",
        configurationName: "arena",
        status: "SEARCHING",
        playerIds: ["p1"],
        players: { p1: {} },
      },
      10,
    );
    const after = await image("TICKET#t2", "TICKET");

    const change = itemChangeOf({ Keys: keys("TICKET#t2", "TICKET"), OldImage: before, NewImage: after });

    expect(change?.kind).toBe("ticket");
    expect(change?.before).toMatchObject({ ticketId: "t2", status: "QUEUED" });
    expect(change?.after).toMatchObject({ ticketId: "t2", status: "SEARCHING", eventIds: ["e1"] });
  });

  it("decodes placements and parties", async () => {
    await placements.create({
      placementId: "plc-1",
      queueName: "q",
      playerIds: ["p1"],
      players: { p1: {} },
      createdAt: 1,
    });
    await parties.create({
      partyId: "party-1",
      leaderId: "p9",
      memberIds: ["p9"],
      code: "ABCDEFGH",
      version: 1,
      createdAt: 1,
      updatedAt: 1,
    });

    const placement = itemChangeOf({
      Keys: keys("PLACEMENT#plc-1", "PLACEMENT"),
      NewImage: await image("PLACEMENT#plc-1", "PLACEMENT"),
      OldImage: await image("PLACEMENT#plc-1", "PLACEMENT"),
    });
    const party = itemChangeOf({
      Keys: keys("PARTY#party-1", "PARTY"),
      NewImage: await image("PARTY#party-1", "PARTY"),
      OldImage: await image("PARTY#party-1", "PARTY"),
    });

    expect(placement).toEqual({
      kind: "placement",
      before: await placements.get("plc-1"),
      after: await placements.get("plc-1"),
    });
    expect(party).toEqual({ kind: "party", before: await parties.get("party-1"), after: await parties.get("party-1") });
  });

  it("ignores items that are not pushed (profiles, connections, join codes), deletions and keyless records", async () => {
    const options = { client: table.doc, tableName: table.tableName };
    await new PlayerRepository(options).getOrCreate("p3", 1);
    await new ConnectionRepository(options).add("p3", "c1", 1);

    expect(
      itemChangeOf({ Keys: keys("PLAYER#p3", "PROFILE"), NewImage: await image("PLAYER#p3", "PROFILE") }),
    ).toBeUndefined();
    expect(itemChangeOf({ Keys: keys("PLAYER#p3", "CONN#c1"), NewImage: await image("PLAYER#p3", "CONN#c1") })).toBe(
      undefined,
    );
    expect(itemChangeOf({ Keys: keys("PARTYCODE#ABCDEFGH", "PARTY") })).toBeUndefined();
    expect(
      itemChangeOf({ Keys: keys("TICKET#t1", "TICKET"), OldImage: await image("TICKET#t1", "TICKET") }),
    ).toBeUndefined();
    expect(itemChangeOf({})).toBeUndefined();
  });

  it("refuses a pushed item whose image is not in AttributeValue form", () => {
    const record = { Keys: keys("TICKET#t9", "TICKET"), NewImage: { ticketId: "t9", playerIds: ["p1"] } };

    expect(() => itemChangeOf(record)).toThrow(UnreadableStreamRecordError);
  });

  it.each([
    ["TICKET#t9", "TICKET", { ticketId: "t9" }, /lacks ticketId or playerIds/],
    ["PLACEMENT#x", "PLACEMENT", { playerIds: ["p1"] }, /lacks placementId or playerIds/],
    ["PARTY#x", "PARTY", { partyId: "x", memberIds: "p1" }, /lacks partyId or memberIds/],
  ])("refuses a %s image that lacks what every push needs", (pk, sk, item, message) => {
    expect(() => itemChangeOf({ Keys: keys(pk, sk), NewImage: marshall(item) })).toThrow(message);
  });
});
