import type { PlacementEventSink, ReconcileStore } from "../../domain/events/ports.js";
import type { PlacementEvent } from "../../domain/events/types.js";
import type { PlacementPort } from "../../domain/matchmaking/ports.js";
import { placementPatch } from "../../domain/placement/fold.js";
import {
  isTerminalPlacementStatus,
  PLACEMENT_STATUSES,
  type NewPlacement,
  type Placement,
  type PlacementPlayer,
  type PlacementStatus,
  placementStatusRank,
} from "../../domain/placement/types.js";
import type { Connection } from "../../domain/ticket/types.js";
import { EventFoldedRepository, type EventFoldedRepositoryOptions, type FoldedKind } from "./EventFoldedRepository.js";
import { eventIdsFromItem, isEventIdAttribute } from "./eventIdSlots.js";
import { placementKey } from "./keys.js";

/** Options for {@link PlacementRepository}. */
export type PlacementRepositoryOptions = EventFoldedRepositoryOptions;

const INTERNAL = new Set(["pk", "sk", "statusRank", "pendingShard", "expiresAt", "playersKey", "eventIds"]);

/** Maps a stored item back to a {@link Placement}. */
export function placementFromItem(item: Record<string, unknown>): Placement {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k) && !isEventIdAttribute(k)) out[k] = v;
  return {
    ...(out as Partial<Placement>),
    placementId: String(item["placementId"]),
    queueName: String(item["queueName"] ?? ""),
    status: PLACEMENT_STATUSES.find((s) => s === item["status"]) ?? "PENDING",
    playerIds: Array.isArray(item["playerIds"]) ? (item["playerIds"] as string[]) : [],
    players: (item["players"] ?? {}) as Record<string, PlacementPlayer>,
    createdAt: Number(item["createdAt"] ?? 0),
    updatedAt: Number(item["updatedAt"] ?? 0),
    heardAt: Number(item["heardAt"] ?? 0),
    ...(item["eventAt"] === undefined ? {} : { eventAt: Number(item["eventAt"]) }),
    eventIds: eventIdsFromItem(item),
    version: Number(item["version"] ?? 0),
    ...(item["connection"] === undefined ? {} : { connection: item["connection"] as Connection }),
  };
}

const PLACEMENTS: FoldedKind<PlacementStatus, Placement, NewPlacement, PlacementEvent> = {
  kind: "PLACEMENT",
  label: "placement",
  key: placementKey,
  idOf: (p) => p.placementId,
  initialStatus: () => "PENDING",
  targetOf: (e) => e.placementId,
  rank: placementStatusRank,
  isTerminal: isTerminalPlacementStatus,
  patch: placementPatch,
  fromItem: placementFromItem,
};

/**
 * Placement items in the single table (pk `PLACEMENT#<id>`, sk `PLACEMENT`): the event-folded
 * repository ({@link EventFoldedRepository}) tickets use, so the same guarantees hold: one
 * conditional UpdateItem per event, terminal states absorb. A new placement is PENDING; write it
 * before StartGameSessionPlacement.
 */
export class PlacementRepository
  extends EventFoldedRepository<PlacementStatus, Placement, NewPlacement, PlacementEvent>
  implements PlacementPort, PlacementEventSink, ReconcileStore<Placement, PlacementEvent>
{
  public constructor(options: PlacementRepositoryOptions) {
    super(options, PLACEMENTS);
  }
}
