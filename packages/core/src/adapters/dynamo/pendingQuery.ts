import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { pendingShards, type PendingKind } from "./keys.js";
import { PENDING_INDEX, PENDING_SHARD, PK, SK } from "./tableSchema.js";

/** BatchGetItem's limit of keys per request. */
const BATCH_GET_KEYS = 100;
/** Rounds of BatchGetItem for the keys DynamoDB left unprocessed (throttling) before giving up on them. */
const UNPROCESSED_ROUNDS = 5;

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
 *
 * The index projects keys only (every fold moves an item's `heardAt`, so an index holding whole
 * items would rewrite each of them twice per fold); the items themselves are then read by key with
 * BatchGetItem, eventually consistent like the index. An item terminal by then (no `pendingShard`
 * any more) is left out.
 */
export async function queryPending(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: PendingQueryOptions,
): Promise<Record<string, unknown>[]> {
  const keys: Record<string, unknown>[] = [];
  for (const shard of pendingShards(options.kind)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: PENDING_INDEX,
          KeyConditionExpression: "pendingShard = :s AND heardAt <= :h",
          ExpressionAttributeValues: { ":s": shard, ":h": options.heardBefore },
          Limit: Math.max(1, options.limit - keys.length),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      keys.push(...(page.Items ?? []).map((i) => ({ [PK]: i[PK], [SK]: i[SK] })));
      start = page.LastEvaluatedKey;
    } while (start && keys.length < options.limit);
    if (keys.length >= options.limit) break;
  }
  const items = await getByKeys(client, tableName, keys.slice(0, options.limit));
  return items.filter((i) => i[PENDING_SHARD] !== undefined);
}

/** The items with these keys, in the keys' order (missing ones left out). */
async function getByKeys(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const id = (i: Record<string, unknown>): string => `${String(i[PK])}\u0000${String(i[SK])}`;
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += BATCH_GET_KEYS) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET_KEYS);
    for (let round = 0; pending.length > 0 && round < UNPROCESSED_ROUNDS; round += 1) {
      const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      for (const item of out.Responses?.[tableName] ?? []) found.set(id(item), item);
      pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return keys.flatMap((k): Record<string, unknown>[] => {
    const item = found.get(id(k));
    return item === undefined ? [] : [item];
  });
}
