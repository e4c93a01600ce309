import {
  isTerminalPlacementStatus,
  type NewPlacement,
  PLACEMENT_STATUSES,
  type Placement,
  type PlacementPlayer,
  type PlacementStatus,
  placementStatusRank,
} from "../../domain/placement/types.js";
import type { StoredKind } from "./EventFoldedStore.js";
import { isEventIdAttribute } from "./eventIdSlots.js";
import { foldedFieldsFromItem } from "./foldedItem.js";
import { placementKey } from "./keys.js";

/*
 * A placement item's mapping, apart from {@link PlacementRepository} so that code reading stream
 * images (the realtime dispatcher) does not bundle the repository.
 */

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
    players: (item["players"] ?? {}) as Record<string, PlacementPlayer>,
    ...foldedFieldsFromItem(item),
  };
}

/** How a placement item is stored (the fold adds to it: `PlacementRepository`). */
export const PLACEMENT_ITEMS: StoredKind<PlacementStatus, Placement, NewPlacement> = {
  kind: "PLACEMENT",
  label: "placement",
  key: placementKey,
  idOf: (p) => p.placementId,
  initialStatus: () => "PENDING",
  rank: placementStatusRank,
  isTerminal: isTerminalPlacementStatus,
  fromItem: placementFromItem,
};
