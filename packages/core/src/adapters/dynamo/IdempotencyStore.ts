import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../../errors.js";
import { isConditionalCheckFailed } from "./errors.js";
import { idempotencyKey } from "./apiKeys.js";

/** Options of {@link IdempotencyStore}. */
export interface IdempotencyStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** How long a key is remembered (default 24 h). */
  readonly ttlSeconds?: number;
  /**
   * After this long an IN_PROGRESS claim counts as abandoned (its function crashed or timed out
   * before releasing it) and the same request may claim it again (default 60 s, past any API timeout).
   */
  readonly staleClaimMs?: number;
}

/** A stored response to replay. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Outcome of {@link IdempotencyStore.begin}: go ahead, or replay the first response. */
export type IdempotencyBegin =
  | { readonly kind: "started" }
  | { readonly kind: "replay"; readonly response: StoredResponse };

/**
 * Idempotency-Key records (pk `IDEMP#<playerId>#<key>`, sk `IDEMP`): the first request claims the
 * key with a fingerprint of its body; repeats replay the stored response.
 * @example
 * const begun = await store.begin("p1", key, fingerprint, Date.now());
 * if (begun.kind === "replay") return begun.response;
 */
export class IdempotencyStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #ttlSeconds: number;
  readonly #staleClaimMs: number;

  public constructor(options: IdempotencyStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#ttlSeconds = options.ttlSeconds ?? 24 * 60 * 60;
    this.#staleClaimMs = options.staleClaimMs ?? 60_000;
  }

  /**
   * Claims the key for this fingerprint (conditional put), or tells what to do instead.
   * @throws ConflictError `IDEMPOTENCY_KEY_REUSED` when the key was used with another request;
   *   `IDEMPOTENCY_IN_PROGRESS` while the first request with this key is still running.
   */
  public async begin(playerId: string, key: string, fingerprint: string, now: number): Promise<IdempotencyBegin> {
    const nowSeconds = Math.floor(now / 1000);
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: {
            ...idempotencyKey(playerId, key),
            state: "IN_PROGRESS",
            fingerprint,
            createdAt: now,
            expiresAt: nowSeconds + this.#ttlSeconds,
          },
          // TTL deletion is lazy: an expired record counts as absent; so does an abandoned claim of
          // this very request.
          ConditionExpression:
            "attribute_not_exists(pk) OR expiresAt < :now OR (#s = :inProgress AND fingerprint = :fp AND createdAt < :stale)",
          ExpressionAttributeNames: { "#s": "state" },
          ExpressionAttributeValues: {
            ":now": nowSeconds,
            ":inProgress": "IN_PROGRESS",
            ":fp": fingerprint,
            ":stale": now - this.#staleClaimMs,
          },
        }),
      );
      return { kind: "started" };
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
    const out = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: idempotencyKey(playerId, key), ConsistentRead: true }),
    );
    const item = out.Item ?? {};
    if (item["fingerprint"] !== fingerprint) {
      throw new ConflictError("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key was already used with a different request");
    }
    if (item["state"] === "DONE") return { kind: "replay", response: item["response"] as StoredResponse };
    throw new ConflictError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still in progress");
  }

  /** Stores the response of a claimed key. */
  public async complete(playerId: string, key: string, response: StoredResponse): Promise<void> {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: idempotencyKey(playerId, key),
        UpdateExpression: "SET #s = :done, #r = :r",
        ExpressionAttributeNames: { "#s": "state", "#r": "response" },
        ExpressionAttributeValues: { ":done": "DONE", ":r": response },
      }),
    );
  }

  /** Releases a claimed key whose request failed, so the client may retry with it. */
  public async abandon(playerId: string, key: string): Promise<void> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: idempotencyKey(playerId, key),
          ConditionExpression: "#s = :p",
          ExpressionAttributeNames: { "#s": "state" },
          ExpressionAttributeValues: { ":p": "IN_PROGRESS" },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
}
