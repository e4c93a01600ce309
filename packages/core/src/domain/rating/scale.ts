import type { Rating } from "./types.js";

/**
 * What reading a rating needs: a new player's rating and the display rating. No rating library is
 * needed for it, so the routes that only show or match on ratings do not bundle or load one.
 */
export interface RatingScale {
  /** A player never rated before. */
  initial(): Rating;
  /** The conservative display rating μ − 3σ. */
  display(r: Rating): number;
}

/** openskill's default μ₀ (its `rating()`). */
export const OPENSKILL_MU = 25;
/** openskill's default σ₀ = μ₀ / 3. */
export const OPENSKILL_SIGMA = OPENSKILL_MU / 3;

/**
 * openskill's defaults without openskill: μ₀ 25, σ₀ 25/3 and its `ordinal` μ − 3σ (z = 3).
 * Kept equal to the library by test/domain/rating/scale.test.ts.
 */
export const openskillScale: RatingScale = {
  initial: () => ({ mu: OPENSKILL_MU, sigma: OPENSKILL_SIGMA }),
  display: (r) => r.mu - 3 * r.sigma,
};
