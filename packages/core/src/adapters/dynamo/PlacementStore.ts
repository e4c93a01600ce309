import type { PlacementPort } from "../../domain/matchmaking/ports.js";
import type { NewPlacement, Placement, PlacementStatus } from "../../domain/placement/types.js";
import { EventFoldedStore, type EventFoldedStoreOptions } from "./EventFoldedStore.js";
import { PLACEMENT_ITEMS } from "./placementItem.js";

/**
 * Stores new placements and reads them (pk `PLACEMENT#<id>`, sk `PLACEMENT`), with no fold: what the
 * placement start route needs. The same items {@link PlacementRepository} folds GameLift's events into.
 */
export class PlacementStore
  extends EventFoldedStore<PlacementStatus, Placement, NewPlacement>
  implements PlacementPort
{
  public constructor(options: EventFoldedStoreOptions) {
    super(options, PLACEMENT_ITEMS);
  }
}
