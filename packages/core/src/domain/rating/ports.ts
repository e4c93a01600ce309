import type { Player } from "../player/types.js";
import type { Ticket } from "../ticket/types.js";
import type { MatchResult, PoolRating } from "./types.js";

/** One player's rating write inside a result transaction. */
export interface RatingWrite {
  readonly playerId: string;
  /** The player's whole ratings map after the match. */
  readonly ratings: Readonly<Record<string, PoolRating>>;
  /** `ratingsVersion` read before rating; the write fails if another result landed meanwhile. */
  readonly expectedVersion?: number;
}

/** Storage of match results and the ratings they change. */
export interface MatchResultPort {
  /** The recorded result of a game session; `undefined` when none is. */
  get(gameSessionArn: string): Promise<MatchResult | undefined>;
  /**
   * Stores the result and every player's new ratings in ONE transaction, so a retry never applies
   * a result twice.
   * @throws ResultExistsError when a result for this session is already stored (re-read it).
   * @throws RatingsChangedError when a player's ratings changed since read (rate again).
   */
  record(result: MatchResult, writes: readonly RatingWrite[]): Promise<void>;
}

/** Reads the tickets of a game session (ARN or its last segment). */
export interface GameSessionTicketsPort {
  listByGameSession(gameSessionId: string): Promise<Ticket[]>;
}

/** Player reads and lock release the result and end use cases need. */
export interface ResultPlayersPort {
  get(playerId: string): Promise<Player | undefined>;
  releaseActiveTicket(ticketId: string, playerIds: readonly string[]): Promise<void>;
}
