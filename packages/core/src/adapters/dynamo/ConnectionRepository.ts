import {
  DeleteCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { connectionExpiry, DEFAULT_CONNECTION_LIMITS, isLive } from "../../domain/realtime/connections.js";
import type { ConnectionPort } from "../../domain/realtime/ports.js";
import type { ConnectionLimits, PlayerConnection } from "../../domain/realtime/types.js";
import { isConditionalCheckFailed } from "./errors.js";

/** Options of {@link ConnectionRepository}. */
export interface ConnectionRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly limits?: ConnectionLimits;
}

/** Sort-key prefix of connection records in a player's partition. */
export const CONNECTION_SK_PREFIX = "CONN#";

const key = (playerId: string, connectionId: string): { pk: string; sk: string } => ({
  pk: `PLAYER#${playerId}`,
  sk: `${CONNECTION_SK_PREFIX}${connectionId}`,
});

/**
 * A player's open WebSocket connections, stored in the player's own partition (pk `PLAYER#<id>`,
 * sk `CONN#<connectionId>`, TTL `expiresAt`), so finding whom to push to is one Query.
 * @example
 * const connections = new ConnectionRepository({ client: createDocumentClient(), tableName });
 * await connections.add("p1", "abc=", Date.now());
 * const open = await connections.listForPlayer("p1", Date.now());
 */
export class ConnectionRepository implements ConnectionPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #limits: ConnectionLimits;

  public constructor(options: ConnectionRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
  }

  /** Records a new connection (a repeated `$connect` for the same id overwrites it). */
  public async add(playerId: string, connectionId: string, now: number): Promise<PlayerConnection> {
    const connection: PlayerConnection = {
      playerId,
      connectionId,
      connectedAt: now,
      lastSeenAt: now,
      expiresAt: connectionExpiry(now, now, this.#limits),
    };
    await this.#client.send(
      new PutCommand({ TableName: this.#tableName, Item: { ...key(playerId, connectionId), ...connection } }),
    );
    return connection;
  }

  /** Refreshes the record's TTL after client activity. No-op when the record is gone (disconnected). */
  public async touch(playerId: string, connectionId: string, connectedAt: number, now: number): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: key(playerId, connectionId),
          UpdateExpression: "SET lastSeenAt = :now, expiresAt = :exp",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":now": now, ":exp": connectionExpiry(connectedAt, now, this.#limits) },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  /** Forgets a connection (on `$disconnect`, or when API Gateway says it is gone). Idempotent. */
  public async remove(playerId: string, connectionId: string): Promise<void> {
    await this.#client.send(new DeleteCommand({ TableName: this.#tableName, Key: key(playerId, connectionId) }));
  }

  /** The player's connections still live at `now` (records past their TTL that DynamoDB has not yet deleted are skipped). */
  public async listForPlayer(playerId: string, now: number): Promise<PlayerConnection[]> {
    const out: PlayerConnection[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": `PLAYER#${playerId}`, ":prefix": CONNECTION_SK_PREFIX },
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        }),
      );
      for (const item of page.Items ?? []) {
        const c = item as unknown as PlayerConnection;
        if (isLive(c, now))
          out.push({
            playerId: c.playerId,
            connectionId: c.connectionId,
            connectedAt: c.connectedAt,
            lastSeenAt: c.lastSeenAt,
            expiresAt: c.expiresAt,
          });
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return out;
  }
}
