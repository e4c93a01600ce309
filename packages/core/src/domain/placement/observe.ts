import type { PlacementEvent } from "../events/types.js";
import type { Connection } from "../ticket/types.js";
import type { Placement, PlacementPlayer, PlacementStatus } from "./types.js";

/** A placement as DescribeGameSessionPlacement reports it, in domain terms. */
export interface ObservedPlacement {
  readonly placementId: string;
  readonly queueName: string;
  readonly status: PlacementStatus;
  /** Epoch ms. */
  readonly startTime?: number;
  readonly connection?: Connection;
  readonly gameSessionRegion?: string;
  readonly playerSessions: readonly { readonly playerId: string; readonly playerSessionId: string }[];
}

/** Our reason for a placement GameLift no longer knows past the queue timeout. */
export const PLACEMENT_UNKNOWN_TO_GAMELIFT = "UNKNOWN_TO_GAMELIFT";

/** Maps an observation to a synthetic `ObservedStatus` placement event at `now`. */
export function observedPlacementEvent(o: ObservedPlacement, now: number): PlacementEvent {
  const players: Record<string, PlacementPlayer> = {};
  for (const s of o.playerSessions) players[s.playerId] = { playerSessionId: s.playerSessionId };
  const fulfilled = o.status === "FULFILLED";
  return {
    id: `observed:${o.placementId}:${now}`,
    type: "ObservedStatus",
    dedupe: false,
    time: now,
    placementId: o.placementId,
    queueName: o.queueName,
    status: o.status,
    playerIds: Object.keys(players),
    players,
    ...(o.startTime === undefined ? {} : { startTime: o.startTime }),
    ...(fulfilled && o.connection ? { connection: o.connection } : {}),
    ...(fulfilled && o.gameSessionRegion ? { gameSessionRegion: o.gameSessionRegion } : {}),
    ...(o.status !== "PENDING" && !fulfilled ? { reason: o.status } : {}),
  };
}

/** The FAILED event for a stored placement GameLift does not know. */
export function unknownPlacementEvent(p: Placement, now: number): PlacementEvent {
  return {
    id: `unknown:${p.placementId}:${now}`,
    type: "ObservedStatus",
    dedupe: false,
    time: now,
    placementId: p.placementId,
    queueName: p.queueName,
    status: "FAILED",
    playerIds: [],
    players: {},
    reason: PLACEMENT_UNKNOWN_TO_GAMELIFT,
  };
}
