/**
 * The server-side player record (pk `PLAYER#<playerId>`, sk `PROFILE`). Attributes that influence
 * matching live here and are never taken from a client body.
 */

import type { PlayerRatings } from "../rating/types.js";

/** A FlexMatch player attribute value: string, number, string list or string→number map. */
export type PlayerAttributeValue = string | number | readonly string[] | Readonly<Record<string, number>>;

/** Skill of a player we have never seen. */
export const DEFAULT_SKILL = 1000;

/** A player's profile. */
export interface Player {
  readonly playerId: string;
  /** Server-side matchmaking skill. */
  readonly skill: number;
  /** Client-settable preferences (e.g. `mode`), validated against the rule set when set. */
  readonly preferences: Readonly<Record<string, PlayerAttributeValue>>;
  /** The ticket this player is on, while it may be active (released lazily once it ends). */
  readonly activeTicketId?: string;
  /** Epoch ms when `activeTicketId` was set. */
  readonly activeTicketAt?: number;
  /**
   * Live-placement slots, `<placementId>@<claimed epoch ms>` (at most the placement quota); freed
   * when the placement's start is refused, or lazily once it has ended.
   */
  readonly activePlacements?: readonly string[];
  /** The party this player belongs to. */
  readonly partyId?: string;
  /** Skill ratings by rating pool (written only by recorded match results). */
  readonly ratings?: PlayerRatings;
  /** Grows with every rating write: the optimistic lock of the result transaction. */
  readonly ratingsVersion?: number;
  /** The newest placement this player is on (what a realtime resync reports). */
  readonly lastPlacementId?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * The profile of a player seen for the first time.
 * @example newPlayer("p1", 1_700_000_000_000).skill // 1000
 */
export function newPlayer(playerId: string, now: number): Player {
  return { playerId, skill: DEFAULT_SKILL, preferences: {}, createdAt: now, updatedAt: now };
}
