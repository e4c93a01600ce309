import { EVENT_ID_SLOTS, eventIdSlot } from "../../domain/events/guard.js";

/**
 * Event ids are stored one per slot in top-level attributes `eventId00`..`eventId19`
 * (domain/events/guard.ts `rememberEventId`): the item never grows past 20 ids, and a duplicate is
 * caught by comparing one attribute, without reading or trimming a list.
 */

/** The attribute holding slot `slot`, e.g. `eventId07`. */
function eventIdAttribute(slot: number): string {
  return `eventId${String(slot).padStart(2, "0")}`;
}

/** The attribute an event id is remembered in. */
export function eventIdAttributeOf(id: string): string {
  return eventIdAttribute(eventIdSlot(id));
}

const SLOT_ATTRIBUTE = /^eventId\d\d$/;

/** True for a slot attribute (dropped when mapping an item back to the domain). */
export function isEventIdAttribute(name: string): boolean {
  return SLOT_ATTRIBUTE.test(name);
}

/** The remembered event ids of a stored item, in slot order (as `rememberEventId` keeps them). */
export function eventIdsFromItem(item: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (let slot = 0; slot < EVENT_ID_SLOTS; slot += 1) {
    const v = item[eventIdAttribute(slot)];
    if (typeof v === "string") ids.push(v);
  }
  return ids;
}
