import { execFileSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
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
});
