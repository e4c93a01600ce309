import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { pendingShards, type PendingKind } from "./keys.js";
import { PENDING_INDEX } from "./tableSchema.js";

/** Options of {@link queryPending}. */
export interface PendingQueryOptions {
  readonly kind: PendingKind;
  /** Items heard of at or before this epoch ms. */
  readonly heardBefore: number;
  /** Upper bound on items returned (across shards). */
  readonly limit: number;
}

/**
 * Lists non-terminal items of a kind not heard of since `heardBefore`, oldest first per shard,
 * by querying the sparse GSI `pending` (never a Scan). Pages until `limit` is reached.
 */
export async function queryPending(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: PendingQueryOptions,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const shard of pendingShards(options.kind)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: PENDING_INDEX,
          KeyConditionExpression: "pendingShard = :s AND heardAt <= :h",
          ExpressionAttributeValues: { ":s": shard, ":h": options.heardBefore },
          Limit: Math.max(1, options.limit - out.length),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && out.length < options.limit);
    if (out.length >= options.limit) break;
  }
  return out.slice(0, options.limit);
}
