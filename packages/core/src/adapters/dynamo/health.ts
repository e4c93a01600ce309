import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Reads one fixed key of the table (absent is fine): proves the table answers reads. Throws the
 * SDK's error when DynamoDB does not.
 * @example await pingTable(createDocumentClient(), Resource.Table.name);
 */
export async function pingTable(
  client: DynamoDBDocumentClient,
  tableName: string,
  abortSignal?: AbortSignal,
): Promise<void> {
  await client.send(
    new GetCommand({ TableName: tableName, Key: { pk: "HEALTH", sk: "HEALTH" } }),
    abortSignal ? { abortSignal } : {},
  );
}
