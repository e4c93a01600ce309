/**
 * Ratings at the API's edge: reading ratings (openskill's defaults, no rating library), the rating
 * settings and the `skill` a player is matched with. Only the results route rates a match, so only
 * it bundles and loads openskill (`openskillModel`).
 */
import { openskillScale, skillFromRating, type Player, type RatingScale } from "@matchplace/core";
import { type RatingConfig, ratingConfig } from "../edge.js";

/** What the rating routes need. */
export interface Ratings {
  /** Reading ratings (new player, display rating); rating a match is the results route's own. */
  readonly model: RatingScale;
  readonly config: RatingConfig;
  /**
   * The server-trusted `skill` of a player for a configuration: the rating of its pool (the
   * configuration's name in this stage, what results record) on the rule set's scale.
   */
  skillOf(player: Player, configurationName: string): number;
}

let built: Ratings | undefined;

/**
 * The process-wide ratings, built on first use.
 * @throws EdgeConfigError naming a malformed rating variable.
 */
export function ratings(): Ratings {
  if (built) return built;
  const config = ratingConfig();
  built = {
    model: openskillScale,
    config,
    skillOf: (player, configurationName) =>
      skillFromRating(openskillScale, config.skillScale, player.ratings?.[configurationName]),
  };
  return built;
}
