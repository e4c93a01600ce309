import { execFileSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { startDynamoDbLocal } from "@matchplace/local/dynamodb";

const credentials = { accessKeyId: "local", secretAccessKey: "local" };

function javaPidsRunning(port: number): number[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => l.includes("DynamoDBLocal.jar") && l.includes(`-port ${port} `) && !l.includes("sh -c"))
    .map((l) => Number.parseInt(l.trim(), 10));
}

describe("DynamoDB Local", () => {
  it("serves the real DynamoDB API to the unchanged SDK", async () => {
    const client = new DynamoDBClient({ endpoint: inject("dynamodbEndpoint"), region: "us-east-1", credentials });
    const out = await client.send(new ListTablesCommand({}));
    expect(Array.isArray(out.TableNames)).toBe(true);
  });

  it("leaves no java process behind once stopped", async () => {
    const ddb = await startDynamoDbLocal({ port: 0 });
    expect(javaPidsRunning(ddb.port).length).toBe(1);
    await ddb.stop();
    // the guard waits for the JVM before it exits, so it is gone by now
    expect(javaPidsRunning(ddb.port)).toEqual([]);
  });

  it("notices a killed JVM, says so in one line and restarts it: with a persist directory nothing is lost", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ddb-restart-"));
    const died: string[] = [];
    let restarted!: () => void;
    const back = new Promise<void>((r) => (restarted = r));
    const ddb = await startDynamoDbLocal({
      port: 0,
      persistDir: dir,
      onDied: (m) => died.push(m),
      onRestarted: () => restarted(),
    });
    const client = new DynamoDBClient({ endpoint: ddb.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    try {
      await client.send(
        new CreateTableCommand({
          TableName: "kept-table",
          BillingMode: "PAY_PER_REQUEST",
          KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        }),
      );
      await client.send(new PutItemCommand({ TableName: "kept-table", Item: { pk: { S: "kept" } } }));
      const [jvm] = javaPidsRunning(ddb.port);

      process.kill(jvm ?? -1, "SIGKILL");
      await back;

      expect(died).toHaveLength(1);
      expect(died[0]).toMatch(/DynamoDB Local on port \d+ died .*restarting it from /);
      expect(ddb.restarts).toBe(1);
      expect(javaPidsRunning(ddb.port)).toHaveLength(1);
      expect(
        (await client.send(new GetItemCommand({ TableName: "kept-table", Key: { pk: { S: "kept" } } }))).Item,
      ).toEqual({ pk: { S: "kept" } });
    } finally {
      client.destroy();
      await ddb.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(javaPidsRunning(ddb.port)).toEqual([]);
  }, 90_000);
});
