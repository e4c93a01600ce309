/**
 * A game-session placement as stored in the single table (pk `PLACEMENT#<placementId>`, sk `PLACEMENT`).
 */
import { type FoldedItem, TERMINAL_RANK } from "../events/guard.js";
import type { Connection } from "../ticket/types.js";

/** Every status of a placement; GameLift's `GameSessionPlacement.Status` enum. */
export const PLACEMENT_STATUSES = ["PENDING", "FULFILLED", "CANCELLED", "TIMED_OUT", "FAILED"] as const;

/** A placement status. */
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** What we know about one player of a placement. */
export interface PlacementPlayer {
  /** The player's own player session, once fulfilled. */
  readonly playerSessionId?: string;
}

/** A game-session placement (one per StartGameSessionPlacement call). */
export interface Placement extends FoldedItem<PlacementStatus> {
  readonly placementId: string;
  /** Queue name; may be empty for a placement first seen in an event whose queue ARN did not parse. */
  readonly queueName: string;
  readonly players: Readonly<Record<string, PlacementPlayer>>;
  readonly connection?: Connection;
  readonly gameSessionRegion?: string;
  readonly reason?: string;
}

/** Input of `PlacementRepository.create`. */
export type NewPlacement = Omit<Placement, "status" | "updatedAt" | "heardAt" | "eventIds" | "eventAt" | "version">;

/** Rank of a placement status; all terminal statuses share the top rank. */
export function placementStatusRank(status: PlacementStatus): number {
  return status === "PENDING" ? 0 : TERMINAL_RANK;
}

/** True when the placement can never change again. */
export function isTerminalPlacementStatus(status: PlacementStatus): boolean {
  return status !== "PENDING";
}
