import { beforeAll, describe, expect, it } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { ConnectionRepository, PlayerRepository } from "../../../src/adapters/dynamo/index.js";
import { createTestTable, type TestTable } from "./tableFixture.js";

const MINUTE = 60_000;
let table: TestTable;
let connections: ConnectionRepository;

beforeAll(async () => {
  table = await createTestTable("connections");
  connections = new ConnectionRepository({ client: table.doc, tableName: table.tableName });
});

describe("ConnectionRepository (DynamoDB Local)", () => {
  it("records a connection in the player's partition and lists it with a TTL 30 idle minutes away", async () => {
    const added = await connections.add("p1", "c1=", 1_000);
    const raw = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: "PLAYER#p1", sk: "CONN#c1=" } }),
    );

    expect(added).toEqual({
      playerId: "p1",
      connectionId: "c1=",
      connectedAt: 1_000,
      lastSeenAt: 1_000,
      expiresAt: Math.ceil((1_000 + 30 * MINUTE) / 1000),
    });
    expect(raw.Item?.["expiresAt"]).toBe(added.expiresAt);
    expect(await connections.listForPlayer("p1", 2_000)).toEqual([added]);
  });

  it("lists only the player's own connections, never the profile or another player's records", async () => {
    const players = new PlayerRepository({ client: table.doc, tableName: table.tableName });
    await players.getOrCreate("p2", 0);
    await connections.add("p2", "a", 0);
    await connections.add("p2", "b", 0);
    await connections.add("p3", "c", 0);

    const ids = (await connections.listForPlayer("p2", 1)).map((c) => c.connectionId).sort();

    expect(ids).toEqual(["a", "b"]);
  });

  it("skips a record past its TTL that DynamoDB has not deleted yet", async () => {
    const c = await connections.add("p4", "old", 0);

    expect(await connections.listForPlayer("p4", c.expiresAt * 1000 - 1)).toHaveLength(1);
    expect(await connections.listForPlayer("p4", c.expiresAt * 1000)).toEqual([]);
  });

  it("moves the TTL forward on activity, never past the connection's 2-hour end of life", async () => {
    await connections.add("p5", "live", 0);

    await connections.touch("p5", "live", 0, 20 * MINUTE);
    const [early] = await connections.listForPlayer("p5", 20 * MINUTE);
    await connections.touch("p5", "live", 0, 110 * MINUTE);
    const [late] = await connections.listForPlayer("p5", 110 * MINUTE);

    expect(early).toMatchObject({ lastSeenAt: 20 * MINUTE, expiresAt: (50 * MINUTE) / 1000 });
    expect(late).toMatchObject({ lastSeenAt: 110 * MINUTE, expiresAt: (120 * MINUTE) / 1000 });
  });

  it("does not bring back a removed connection when a late touch arrives, and removes idempotently", async () => {
    await connections.add("p6", "gone", 0);

    await connections.remove("p6", "gone");
    await connections.remove("p6", "gone");
    await connections.touch("p6", "gone", 0, 1_000);

    expect(await connections.listForPlayer("p6", 1_000)).toEqual([]);
    const raw = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: "PLAYER#p6", sk: "CONN#gone" } }),
    );
    expect(raw.Item).toBeUndefined();
  });

  it("uses the limits it is given", async () => {
    const short = new ConnectionRepository({
      client: table.doc,
      tableName: table.tableName,
      limits: { maxConnectionMs: 10 * MINUTE, idleTtlMs: MINUTE },
    });

    const c = await short.add("p7", "short", 0);
    await short.touch("p7", "short", 0, 9.5 * MINUTE);
    const [touched] = await short.listForPlayer("p7", 9.5 * MINUTE);

    expect(c.expiresAt).toBe(60);
    expect(touched?.expiresAt).toBe(600);
  });

  it("propagates an error DynamoDB answers that is not a failed condition", async () => {
    const missing = new ConnectionRepository({ client: table.doc, tableName: "no-such-table" });

    await expect(missing.touch("p8", "x", 0, 1)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });
});
