import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ThrottledError } from "../../errors.js";
import { rateKey } from "./apiKeys.js";

/** Options of {@link RateLimitStore}. */
export interface RateLimitStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** A per-player limit: at most `limit` requests per `windowMs` in `bucket`. */
export interface RateLimit {
  readonly bucket: string;
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Fixed-window per-player counters (pk `RATE#<playerId>#<bucket>`, sk `W#<windowStart>`), one
 * atomic ADD per request, expired by TTL.
 * @example await limits.hit("p1", { bucket: "write", limit: 30, windowMs: 10_000 }, Date.now());
 */
export class RateLimitStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: RateLimitStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /**
   * Counts one request.
   * @throws ThrottledError `RATE_LIMITED` (retryAfterMs = until the window ends) past the limit.
   */
  public async hit(playerId: string, rule: RateLimit, now: number): Promise<void> {
    const windowStart = now - (now % rule.windowMs);
    const out = await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: rateKey(playerId, rule.bucket, windowStart),
        UpdateExpression: "ADD #c :one SET expiresAt = :exp",
        ExpressionAttributeNames: { "#c": "count" },
        ExpressionAttributeValues: { ":one": 1, ":exp": Math.ceil((windowStart + rule.windowMs) / 1000) + 60 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    const count = Number(out.Attributes?.["count"] ?? 0);
    if (count > rule.limit) {
      throw new ThrottledError("Too many requests", {
        code: "RATE_LIMITED",
        retryAfterMs: windowStart + rule.windowMs - now,
        details: { limit: rule.limit, windowMs: rule.windowMs },
      });
    }
  }
}
