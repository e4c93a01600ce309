/** The ports of the placement use cases (GameLift and placement storage are in matchmaking/ports.ts). */
import type { PlayerPort } from "../player/ports.js";
import type { Player } from "../player/types.js";

/** The per-player live-placement slots (`PlayerRepository` implements them with conditional writes). */
export interface PlacementSlots {
  /** @throws ConflictError `PLACEMENT_QUOTA_EXCEEDED` when a member already holds `quota` slots. */
  claimPlacementSlot(placementId: string, playerIds: readonly string[], quota: number, now: number): Promise<void>;
  releasePlacementSlots(playerId: string, slots: readonly string[]): Promise<void>;
  get(playerId: string): Promise<Player | undefined>;
}

/** Player storage the placement use cases need (`PlayerRepository` implements it). */
export interface PlacementPlayersPort extends PlacementSlots, Pick<PlayerPort, "getOrCreate"> {
  /** Remembers the placement as each player's latest (realtime resync reports it). */
  recordPlacement(placementId: string, playerIds: readonly string[], now: number): Promise<void>;
}
