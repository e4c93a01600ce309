/**
 * Skill ratings (Weng-Lin / openskill): one (μ, σ) per player per rating pool, stored on the player's
 * profile (`ratings.<pool>`), and the result of a finished match that updates them.
 */

/** A Gaussian belief about a player's skill. */
export interface Rating {
  readonly mu: number;
  readonly sigma: number;
}

/** A player's rating in one pool, with how many rated matches it is built on. */
export interface PoolRating extends Rating {
  readonly matches: number;
}

/** Ratings of one player, by pool name (a pool per matchmaking configuration by default). */
export type PlayerRatings = Readonly<Record<string, PoolRating>>;

/** One team of a reported result: a rank (1 = best) or a score (higher = better). */
export interface ReportedTeam {
  readonly team: string;
  readonly rank?: number;
  readonly score?: number;
  /** Optional per-player ranks/scores; only their presence is checked (openskill rates teams). */
  readonly players?: readonly { readonly playerId: string; readonly rank?: number; readonly score?: number }[];
}

/** What a game server reports when its match is over. */
export interface MatchResultReport {
  readonly teams: readonly ReportedTeam[];
  /** Players who left before the end; rated with their team (a leaver shares the team's outcome). */
  readonly leftEarly?: readonly string[];
}

/** Who played: every player of the game session with the team FlexMatch put them on. */
export interface MatchRoster {
  readonly gameSessionArn: string;
  /** The matchmaking configuration (= default rating pool). */
  readonly configurationName: string;
  readonly players: readonly { readonly playerId: string; readonly team: string }[];
}

/** One player's change of rating in a recorded result. */
export interface RatingChange {
  readonly playerId: string;
  readonly team: string;
  readonly before: PoolRating;
  readonly after: PoolRating;
}

/** A recorded match result (pk `RESULT#<gameSessionArn>`, sk `RESULT`). */
export interface MatchResult {
  readonly gameSessionArn: string;
  readonly pool: string;
  readonly report: MatchResultReport;
  /** Canonical fingerprint of `report`: an identical retry matches it, a conflicting one does not. */
  readonly reportHash: string;
  readonly changes: readonly RatingChange[];
  readonly recordedAt: number;
}
