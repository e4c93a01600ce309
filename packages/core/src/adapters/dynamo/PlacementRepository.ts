import type { PlacementEventSink, ReconcileStore } from "../../domain/events/ports.js";
import type { PlacementEvent } from "../../domain/events/types.js";
import type { PlacementPort } from "../../domain/matchmaking/ports.js";
import { placementPatch } from "../../domain/placement/fold.js";
import {
  isTerminalPlacementStatus,
  type NewPlacement,
  type Placement,
  type PlacementStatus,
  placementStatusRank,
} from "../../domain/placement/types.js";
import { EventFoldedRepository, type EventFoldedRepositoryOptions, type FoldedKind } from "./EventFoldedRepository.js";
import { placementKey } from "./keys.js";
import { placementFromItem } from "./placementItem.js";

/** Options for {@link PlacementRepository}. */
export type PlacementRepositoryOptions = EventFoldedRepositoryOptions;

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
