import type { FoldedItem } from "../../domain/events/guard.js";
import type { Connection } from "../../domain/ticket/types.js";
import { eventIdsFromItem } from "./eventIdSlots.js";

/** The fields a ticket and a placement item store alike ({@link FoldedItem} less its status, plus the push connection), read back from a stored item. */
export function foldedFieldsFromItem(item: Record<string, unknown>): Omit<
  FoldedItem<string>,
  "status" | "playerIds" | "eventIds"
> & {
  playerIds: string[];
  eventIds: string[];
  connection?: Connection;
} {
  return {
    playerIds: Array.isArray(item["playerIds"]) ? (item["playerIds"] as string[]) : [],
    createdAt: Number(item["createdAt"] ?? 0),
    updatedAt: Number(item["updatedAt"] ?? 0),
    heardAt: Number(item["heardAt"] ?? 0),
    ...(item["eventAt"] === undefined ? {} : { eventAt: Number(item["eventAt"]) }),
    eventIds: eventIdsFromItem(item),
    version: Number(item["version"] ?? 0),
    ...(item["connection"] === undefined ? {} : { connection: item["connection"] as Connection }),
  };
}
