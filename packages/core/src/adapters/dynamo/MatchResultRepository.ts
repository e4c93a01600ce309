import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { RatingsChangedError, ResultExistsError } from "../../errors.js";
import type { MatchResultPort, RatingWrite } from "../../domain/rating/ports.js";
import type { MatchResult } from "../../domain/rating/types.js";
import { DEFAULT_SKILL } from "../../domain/player/types.js";
import { playerKey } from "./apiKeys.js";

/** Options of {@link MatchResultRepository}. */
export interface MatchResultRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Primary key of a game session's result item. */
export function resultKey(gameSessionArn: string): { pk: string; sk: string } {
  return { pk: `RESULT#${gameSessionArn}`, sk: "RESULT" };
}

function reasonsOf(err: unknown): string[] {
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? "None");
}

/**
 * Match results (pk `RESULT#<gameSessionArn>`, sk `RESULT`) and the ratings they write on player
 * profiles (`ratings`, `ratingsVersion`), in one TransactWriteItems per match.
 * @example await new MatchResultRepository({ client, tableName }).record(result, writes);
 */
export class MatchResultRepository implements MatchResultPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: MatchResultRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /** The stored result (strongly consistent); `undefined` when none. */
  public async get(gameSessionArn: string): Promise<MatchResult | undefined> {
    const out = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: resultKey(gameSessionArn), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, ...rest } = out.Item;
    return rest as MatchResult;
  }

  /**
   * One transaction: put the result (only if none is stored) and set each player's ratings (only
   * if `ratingsVersion` is still the one read). Profiles that do not exist yet get the defaults.
   * At most 99 players (DynamoDB's 100 items per transaction).
   * @throws ResultExistsError when a result is already stored; RatingsChangedError when a rating moved.
   */
  public async record(result: MatchResult, writes: readonly RatingWrite[]): Promise<void> {
    const now = result.recordedAt;
    const items = [
      {
        Put: {
          TableName: this.#tableName,
          Item: { ...resultKey(result.gameSessionArn), ...result },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      ...writes.map((w) => ({
        Update: {
          TableName: this.#tableName,
          Key: playerKey(w.playerId),
          UpdateExpression:
            "SET ratings = :r, ratingsVersion = :next, updatedAt = :now, playerId = :pid, " +
            "skill = if_not_exists(skill, :skill), preferences = if_not_exists(preferences, :prefs), createdAt = if_not_exists(createdAt, :now)",
          ConditionExpression:
            w.expectedVersion === undefined ? "attribute_not_exists(ratingsVersion)" : "ratingsVersion = :expected",
          ExpressionAttributeValues: {
            ":r": w.ratings,
            ":next": (w.expectedVersion ?? 0) + 1,
            ":now": now,
            ":pid": w.playerId,
            ":skill": DEFAULT_SKILL,
            ":prefs": {},
            ...(w.expectedVersion === undefined ? {} : { ":expected": w.expectedVersion }),
          },
        },
      })),
    ];
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      if (err.name === "TransactionCanceledException") {
        const reasons = reasonsOf(err);
        if (reasons[0] === "ConditionalCheckFailed") throw new ResultExistsError({ cause: err });
        // A rating condition failed, or a concurrent transaction touched the same items: retry.
        if (reasons.some((r) => r === "ConditionalCheckFailed" || r === "TransactionConflict"))
          throw new RatingsChangedError({ cause: err });
      }
      if (err.name === "TransactionConflictException") throw new RatingsChangedError({ cause: err });
      throw err;
    }
  }
}
