import { isTerminalTicketStatus, ticketStatusRank } from "../../domain/ticket/status.js";
import type { NewTicket, Ticket, TicketPlayer, TicketStatus } from "../../domain/ticket/types.js";
import { TICKET_STATUSES } from "../../domain/ticket/types.js";
import type { StoredKind } from "./EventFoldedStore.js";
import { isEventIdAttribute } from "./eventIdSlots.js";
import { foldedFieldsFromItem } from "./foldedItem.js";
import { ticketKey } from "./keys.js";

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
    players: (item["players"] ?? {}) as Record<string, TicketPlayer>,
    ...foldedFieldsFromItem(item),
  };
}

/** How a ticket item is stored (the fold adds to it: `TicketRepository`). */
export const TICKET_ITEMS: StoredKind<TicketStatus, Ticket, NewTicket> = {
  kind: "TICKET",
  label: "ticket",
  key: ticketKey,
  idOf: (t) => t.ticketId,
  initialStatus: (t) => t.status ?? "QUEUED",
  rank: ticketStatusRank,
  isTerminal: isTerminalTicketStatus,
  fromItem: ticketFromItem,
};
