import { beforeAll, describe, expect, it } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { ItemExistsError, TicketRepository } from "../../src/adapters/dynamo/index.js";
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
    const raw = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: "TICKET#tkt-1", sk: "TICKET" } }));

    expect(read).toEqual(created);
    expect(read?.status).toBe("QUEUED");
    expect(raw.Item?.["pendingShard"]).toMatch(/^TICKET#\d$/);
    expect(raw.Item?.["heardAt"]).toBe(1_000);
    expect(raw.Item?.["expiresAt"]).toBeUndefined();
  });

  it("rejects a second ticket with the same id", async () => {
    const t = { ticketId: "tkt-2", configurationName: "arena", playerIds: ["p1"], players: {}, createdAt: 1 };
    await repo.create(t);

    await expect(repo.create(t)).rejects.toBeInstanceOf(ItemExistsError);
  });

  it("returns undefined for an unknown ticket", async () => {
    expect(await repo.get("nope")).toBeUndefined();
  });
});
