import { TERMINAL_RANK } from "../events/guard.js";
import { TERMINAL_TICKET_STATUSES, type TicketStatus } from "./types.js";

/**
 * Ranks order ticket statuses when two events carry the same time, and tell terminal states apart.
 * Every terminal status shares {@link TERMINAL_RANK}: terminal states absorb, whichever.
 */

const RANKS: Readonly<Record<TicketStatus, number>> = {
  QUEUED: 0,
  SEARCHING: 1,
  REQUIRES_ACCEPTANCE: 2,
  PLACING: 3,
  COMPLETED: TERMINAL_RANK,
  FAILED: TERMINAL_RANK,
  CANCELLED: TERMINAL_RANK,
  TIMED_OUT: TERMINAL_RANK,
};

/**
 * The rank of a ticket status.
 * @example ticketStatusRank("SEARCHING") // 1
 */
export function ticketStatusRank(status: TicketStatus): number {
  return RANKS[status];
}

/** True when the ticket can never change again. */
export function isTerminalTicketStatus(status: TicketStatus): boolean {
  return TERMINAL_TICKET_STATUSES.includes(status);
}
