/**
 * The reference handler of the bundle-size test and the import bench: the bare DynamoDB client and
 * one GetItem, nothing else. Every handler bundle is weighed against this one.
 */
import { DynamoDBClient, GetItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({});

export const handler = (event: { table: string; key: Record<string, AttributeValue> }) =>
  client.send(new GetItemCommand({ TableName: event.table, Key: event.key }));
