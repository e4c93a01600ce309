import type { Ticket, TicketPlayer, Connection } from "../../domain/ticket/types.js";
import { eventIdsFromItem, isEventIdAttribute } from "./eventIdSlots.js";
import { TICKET_STATUSES } from "../../domain/ticket/types.js";

/** Attributes stored next to the ticket that are not part of {@link Ticket}. */
const INTERNAL = new Set([
  "pk",
  "sk",
  "statusRank",
  "pendingShard",
  "expiresAt",
  "playersKey",
  "eventIds",
  "gameSessionKey",
]);

/** Maps a stored item back to a {@link Ticket}, dropping keys and guard attributes. */
export function ticketFromItem(item: Record<string, unknown>): Ticket {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k) && !isEventIdAttribute(k)) out[k] = v;
  const status = TICKET_STATUSES.find((s) => s === item["status"]) ?? "QUEUED";
  return {
    ...(out as Partial<Ticket>),
    ticketId: String(item["ticketId"]),
    configurationName: String(item["configurationName"] ?? ""),
    status,
    playerIds: Array.isArray(item["playerIds"]) ? (item["playerIds"] as string[]) : [],
    players: (item["players"] ?? {}) as Record<string, TicketPlayer>,
    createdAt: Number(item["createdAt"] ?? 0),
    updatedAt: Number(item["updatedAt"] ?? 0),
    heardAt: Number(item["heardAt"] ?? 0),
    ...(item["eventAt"] === undefined ? {} : { eventAt: Number(item["eventAt"]) }),
    eventIds: eventIdsFromItem(item),
    version: Number(item["version"] ?? 0),
    ...(item["connection"] === undefined ? {} : { connection: item["connection"] as Connection }),
  };
}
