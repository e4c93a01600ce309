import type { RatingScale } from "./scale.js";
import type { Rating } from "./types.js";

/** Which number of a rating matchmaking uses: the conservative display rating μ − 3σ, or μ. */
export type SkillBasis = "display" | "mu";

/** How a rating becomes the rule set's `skill` attribute. */
export interface SkillScale {
  readonly basis: SkillBasis;
  /** The skill a new player gets (the arena rule set's default, 1000). */
  readonly base: number;
  /** Skill points per rating point: 40 maps openskill's σ₀ = 8.33 to ~333 skill, the rule set's range. */
  readonly perPoint: number;
}

/** Default: display rating, new players at 1000, 40 skill per rating point. */
export const defaultSkillScale: SkillScale = { basis: "display", base: 1000, perPoint: 40 };

/**
 * The server-trusted `skill` sent with StartMatchmaking: `base + perPoint × (x − x₀)` where x is the
 * chosen basis of the player's rating and x₀ that of a new player, rounded. A player without a rating
 * gets exactly `base`.
 * @example skillFromRating(openskillModel, defaultSkillScale, undefined) // 1000
 */
export function skillFromRating(model: RatingScale, scale: SkillScale, rating: Rating | undefined): number {
  const pick = (r: Rating): number => (scale.basis === "mu" ? r.mu : model.display(r));
  if (rating === undefined) return scale.base;
  return Math.round(scale.base + scale.perPoint * (pick(rating) - pick(model.initial())));
}
