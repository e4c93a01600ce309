import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { createDocumentClient, createTable } from "../../../src/adapters/dynamo/index.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** A uniquely named table on the run's DynamoDB Local. */
export interface TestTable {
  readonly endpoint: string;
  readonly tableName: string;
  readonly raw: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
}

/** Creates a fresh table from the real schema on the shared DynamoDB Local. */
export async function createTestTable(prefix: string): Promise<TestTable> {
  const endpoint = inject("dynamodbEndpoint");
  const raw = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const tableName = `${prefix}-${randomUUID()}`;
  await createTable(raw, tableName);
  return { endpoint, tableName, raw, doc: createDocumentClient({ client: raw }) };
}
