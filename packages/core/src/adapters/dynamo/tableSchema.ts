import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";

/** Partition key attribute. */
export const PK = "pk";
/** Sort key attribute. */
export const SK = "sk";
/** Sparse GSI listing items that are not terminal. */
export const PENDING_INDEX = "pending";
/** Hash key of {@link PENDING_INDEX}; set only while an item is not terminal. */
export const PENDING_SHARD = "pendingShard";
/** Range key of {@link PENDING_INDEX}: epoch ms we last heard of the item. */
export const HEARD_AT = "heardAt";
/** Sparse GSI finding the tickets of a game session (results, session end). */
export const GAME_SESSION_INDEX = "gameSession";
/**
 * Hash key of {@link GAME_SESSION_INDEX}: the game session ARN's last path segment, set on a ticket
 * when a folded event carries its connection. Last segment, not the ARN: `/v1/server/game-sessions/{id}`
 * accepts either, and the full ARN is then checked against the ticket's `connection`.
 */
export const GAME_SESSION_KEY = "gameSessionKey";
/** TTL attribute (epoch seconds). */
export const TTL_ATTRIBUTE = "expiresAt";

/**
 * The CreateTable input of the single table: pk/sk, GSI `pending` (pendingShard S, heardAt N,
 * projection KEYS_ONLY: its reader fetches the items by key, see `queryPending`), GSI `gameSession` (gameSessionKey S, projection ALL), on-demand billing, a NEW_AND_OLD_IMAGES stream. TTL is a separate call: see {@link createTable}.
 * @example await client.send(new CreateTableCommand(tableSchema("matchplace-test")));
 */
export function tableSchema(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    // The realtime dispatcher diffs what each player sees before and after a write.
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
    AttributeDefinitions: [
      { AttributeName: PK, AttributeType: "S" },
      { AttributeName: SK, AttributeType: "S" },
      { AttributeName: PENDING_SHARD, AttributeType: "S" },
      { AttributeName: HEARD_AT, AttributeType: "N" },
      { AttributeName: GAME_SESSION_KEY, AttributeType: "S" },
    ],
    KeySchema: [
      { AttributeName: PK, KeyType: "HASH" },
      { AttributeName: SK, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: PENDING_INDEX,
        KeySchema: [
          { AttributeName: PENDING_SHARD, KeyType: "HASH" },
          { AttributeName: HEARD_AT, KeyType: "RANGE" },
        ],
        // Keys only: every fold moves `heardAt`, and a whole-item copy would be rewritten twice per fold.
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
      {
        IndexName: GAME_SESSION_INDEX,
        KeySchema: [{ AttributeName: GAME_SESSION_KEY, KeyType: "HASH" }],
        Projection: { ProjectionType: "ALL" },
      },
    ],
  };
}

/**
 * Creates the table from {@link tableSchema}, waits until it is ACTIVE and enables TTL on
 * `expiresAt`. Used by the local stage and by tests; AWS tables come from infra.
 */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(tableSchema(tableName)));
  for (let i = 0; i < 100; i += 1) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus === "ACTIVE") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}
