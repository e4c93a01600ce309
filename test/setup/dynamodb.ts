import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "@matchplace/local/dynamodb";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** Starts one real DynamoDB Local for the whole test run; tests read it with `inject("dynamodbEndpoint")`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ddb = await startDynamoDbLocal({ port: 0 });
  project.provide("dynamodbEndpoint", ddb.endpoint);
  return () => ddb.stop();
}
