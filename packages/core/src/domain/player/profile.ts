import type { RatingScale } from "../rating/scale.js";
import type { Player } from "./types.js";

/** A rating as its owner sees it. */
export interface RatingView {
  readonly mu: number;
  readonly sigma: number;
  /** The conservative display rating μ − 3σ. */
  readonly display: number;
  readonly matches: number;
}

/** A profile as its owner sees it. */
export interface PlayerView {
  readonly playerId: string;
  readonly skill: number;
  /** Ratings by pool (a pool per matchmaking configuration); empty before the first rated match. */
  readonly ratings: Readonly<Record<string, RatingView>>;
  readonly preferences: Readonly<Record<string, unknown>>;
  readonly partyId?: string;
  readonly activeTicketId?: string;
  readonly createdAt: string;
}

/**
 * The owner's view of a profile. With a rating model, `ratings` carry the display rating; `skill`
 * is the value matchmaking sends (the caller computes it from the rating, see `skillFromRating`).
 */
export function playerView(
  player: Player,
  options: { readonly model?: RatingScale; readonly skill?: number } = {},
): PlayerView {
  const ratings: Record<string, RatingView> = {};
  for (const [pool, r] of Object.entries(player.ratings ?? {})) {
    ratings[pool] = {
      mu: r.mu,
      sigma: r.sigma,
      display: options.model ? options.model.display(r) : r.mu - 3 * r.sigma,
      matches: r.matches,
    };
  }
  return {
    playerId: player.playerId,
    skill: options.skill ?? player.skill,
    ratings,
    preferences: player.preferences,
    ...(player.partyId === undefined ? {} : { partyId: player.partyId }),
    ...(player.activeTicketId === undefined ? {} : { activeTicketId: player.activeTicketId }),
    createdAt: new Date(player.createdAt).toISOString(),
  };
}
