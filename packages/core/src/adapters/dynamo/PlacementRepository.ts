import type { PlacementEventSink, ReconcileStore } from "../../domain/events/ports.js";
import type { PlacementEvent } from "../../domain/events/types.js";
import type { PlacementPort } from "../../domain/matchmaking/ports.js";
import { placementPatch } from "../../domain/placement/fold.js";
import type { NewPlacement, Placement, PlacementStatus } from "../../domain/placement/types.js";
import { EventFoldedRepository, type EventFoldedRepositoryOptions, type FoldedKind } from "./EventFoldedRepository.js";
import { PLACEMENT_ITEMS } from "./placementItem.js";

/** Options for {@link PlacementRepository}. */
export type PlacementRepositoryOptions = EventFoldedRepositoryOptions;

const PLACEMENTS: FoldedKind<PlacementStatus, Placement, NewPlacement, PlacementEvent> = {
  ...PLACEMENT_ITEMS,
  targetOf: (e) => e.placementId,
  patch: placementPatch,
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
