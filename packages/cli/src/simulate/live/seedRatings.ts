import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { defaultSkillScale, openskillModel } from "@matchplace/core";
import { createDocumentClient } from "@matchplace/core/dynamo";

/**
 * The rating whose matchmaking `skill` is `skill` under the stage's default skill scale
 * (`skillFromRating`): σ stays the new player's σ₀, so μ − 3σ and μ move together and both
 * skill bases give the same number.
 * @example ratingForSkill(1000) // { mu: 25, sigma: 8.33…, matches: 0 }
 */
function ratingForSkill(skill: number): { mu: number; sigma: number; matches: number } {
  const initial = openskillModel.initial();
  return {
    mu: initial.mu + (skill - defaultSkillScale.base) / defaultSkillScale.perPoint,
    sigma: initial.sigma,
    matches: 0,
  };
}

/**
 * Writes simulated players' ratings into the local stage's table before they matchmake. `skill` is
 * server-trusted (a client cannot send it: the API derives it from the player's rating in the
 * configuration's pool), so this is the one thing `--live` sets behind the API: what earlier rated
 * matches would have left on the profile. Only new profiles (`ratingsVersion` absent) are written.
 */
export class RatingSeeder {
  readonly #doc: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #pool: string;

  public constructor(options: { endpoint: string; region: string; tableName: string; pool: string }) {
    this.#doc = createDocumentClient({
      endpoint: options.endpoint,
      region: options.region,
      config: { credentials: { accessKeyId: "local", secretAccessKey: "local" } },
    });
    this.#tableName = options.tableName;
    this.#pool = options.pool;
  }

  /** Gives `playerId` the rating behind `skill` in the pool. */
  public async seed(playerId: string, skill: number, now: number): Promise<void> {
    await this.#doc.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: { pk: `PLAYER#${playerId}`, sk: "PROFILE" },
        UpdateExpression:
          "SET ratings = :r, ratingsVersion = :v, updatedAt = :now, playerId = :pid, " +
          "skill = if_not_exists(skill, :skill), preferences = if_not_exists(preferences, :prefs), createdAt = if_not_exists(createdAt, :now)",
        ConditionExpression: "attribute_not_exists(ratingsVersion)",
        ExpressionAttributeValues: {
          ":r": { [this.#pool]: ratingForSkill(skill) },
          ":v": 1,
          ":now": now,
          ":pid": playerId,
          ":skill": defaultSkillScale.base,
          ":prefs": {},
        },
      }),
    );
  }

  public close(): void {
    this.#doc.destroy();
  }
}
