/**
 * Ratings at the API's edge: reading ratings (openskill's defaults, no rating library), the rating
 * settings and the `skill` a player is matched with. Only the results route rates a match, so only
 * it bundles and loads openskill (`openskillModel`).
 */
import {
  openskillScale,
  skillFromRating,
  type ConfigurationProfile,
  type Player,
  type RatingScale,
} from "@matchplace/core";
import { linkedCatalog, type RatingConfig, ratingConfig } from "../edge.js";
import { services } from "./services.js";

/** What the rating routes need. */
export interface Ratings {
  /** Reading ratings (new player, display rating); rating a match is the results route's own. */
  readonly model: RatingScale;
  readonly config: RatingConfig;
  /** The server-trusted `skill` of a player for a configuration: its pool's rating on the rule set's scale. */
  skillOf(player: Player, profile: ConfigurationProfile): number;
}

let built: Ratings | undefined;

/**
 * The process-wide ratings, built on first use.
 * @throws EdgeConfigError naming a malformed rating variable.
 */
export function ratings(): Ratings {
  if (built) return built;
  const config = ratingConfig();
  const { names } = services();
  built = {
    model: openskillScale,
    config,
    // The pool of a configuration is the configuration's name in this stage (what results record);
    // the catalog is read only by the handlers that rate a profile (they are linked to it).
    skillOf: (player, profile) =>
      skillFromRating(
        openskillScale,
        config.skillScale,
        player.ratings?.[
          profile.key === linkedCatalog().defaultConfiguration.key ? names.configurationName : profile.key
        ],
      ),
  };
  return built;
}
