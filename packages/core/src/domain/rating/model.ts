import { rate } from "openskill";
import { openskillScale, type RatingScale } from "./scale.js";
import type { Rating } from "./types.js";

/**
 * The rating model port: rates teams given their ranks (lower = better; equal ranks tie), and knows
 * a new player's rating. The default wraps openskill's Plackett-Luce model with its defaults.
 */
export interface RatingModel extends RatingScale {
  /** New ratings, team by team and player by player in the input order. */
  rate(teams: readonly (readonly Rating[])[], ranks: readonly number[]): Rating[][];
}

/**
 * openskill (Weng-Lin Bayesian approximation), default Plackett-Luce model and parameters
 * (μ 25, σ 25/3, β σ/2, τ μ/300).
 * @example openskillModel.rate([[a1, a2], [b1, b2]], [1, 2])
 */
export const openskillModel: RatingModel = {
  ...openskillScale,
  rate: (teams, ranks) =>
    rate(
      teams.map((t) => t.map((r) => ({ mu: r.mu, sigma: r.sigma }))),
      { rank: [...ranks] },
    ).map((t) => t.map((r) => ({ mu: r.mu, sigma: r.sigma }))),
};
