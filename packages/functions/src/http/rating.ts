/**
 * Ratings at the API's edge: the OpenSkill model, the rating settings and the `skill` a player is
 * matched with — in their own module, so only the handlers that use ratings (players/me, start,
 * game-server results) bundle and load openskill.
 */
import { defaultConfigurationProfile, openskillModel, skillFromRating, type ConfigurationProfile, type Player, type RatingModel } from "@matchplace/core";
import { ratingConfig, type RatingConfig } from "./ratingConfig.js";
import { services } from "./services.js";

/** What the rating routes need. */
export interface Ratings {
  readonly model: RatingModel;
  readonly config: RatingConfig;
  /** The server-trusted `skill` of a player for a configuration: its pool's rating on the rule set's scale. */
  skillOf(player: Player, profile: ConfigurationProfile): number;
}

let built: Ratings | undefined;

/**
 * The process-wide ratings, built on first use.
 * @throws RatingConfigError naming a malformed rating variable.
 */
export function ratings(): Ratings {
  if (built) return built;
  const config = ratingConfig();
  const { names } = services();
  built = {
    model: openskillModel,
    config,
    // The pool of a configuration is the configuration's name in this stage (what results record).
    skillOf: (player, profile) =>
      skillFromRating(openskillModel, config.skillScale, player.ratings?.[profile.key === defaultConfigurationProfile.key ? names.configurationName : profile.key]),
  };
  return built;
}
