import { applyPatch, eventGuard, guardAllows, playersKey, type GuardState, type Patch } from "../events/guard.js";
import type { TicketEvent } from "../events/types.js";
import { isTerminalTicketStatus, ticketStatusRank } from "./status.js";
import type { Ticket } from "./types.js";

/** The guard view of a stored ticket. */
export function ticketGuardState(t: Ticket): GuardState {
  const key = playersKey(t.playerIds);
  return {
    rank: ticketStatusRank(t.status),
    eventIds: t.eventIds,
    ...(t.eventAt === undefined ? {} : { eventAt: t.eventAt }),
    ...(key === undefined ? {} : { playersKey: key }),
  };
}

/**
 * The change a ticket event makes, computed from the event alone (no read): the DynamoDB adapter
 * turns it into one conditional UpdateItem, {@link foldTicket} applies it in memory.
 * @param now epoch ms of processing (becomes `heardAt` / `updatedAt`).
 */
export function ticketPatch(event: TicketEvent, now: number): Patch<Ticket> {
  const terminal = isTerminalTicketStatus(event.status);
  const set: Partial<Record<keyof Ticket, unknown>> = {
    status: event.status,
    heardAt: now,
    updatedAt: now,
    ...(event.playerIds.length > 0 ? { players: event.players } : {}),
    matchId: event.matchId,
    reason: event.reason,
    message: event.message,
    estimatedWaitSeconds: event.estimatedWaitSeconds,
    acceptanceRequired: event.acceptanceRequired,
    acceptanceTimeoutSeconds: event.acceptanceTimeoutSeconds,
    connection: event.connection,
  };
  const setIfNotExists: Partial<Record<keyof Ticket, unknown>> = {
    ticketId: event.ticketId,
    configurationName: event.configurationName,
    createdAt: event.startTime ?? event.time,
    playerIds: event.playerIds,
    backfillOf: event.backfillOf,
  };
  return {
    // Only GameLift creates tickets we did not store first: automatic backfill of a game session on
    // our fleets (vetted by trust.ts). Any other unknown ticket is junk and creates nothing.
    // GameLift's own events must name the ticket's players; observations come from our own reads.
    guard: eventGuard(event, ticketStatusRank(event.status), {
      create: event.type !== "ObservedStatus" && event.backfillOf !== undefined,
      ...(event.type === "ObservedStatus" ? {} : { playerIds: event.playerIds }),
    }),
    terminal,
    set: set as Partial<Ticket>,
    setIfNotExists: setIfNotExists as Partial<Ticket>,
    // Back to searching: the dropped proposal's match id no longer describes the ticket.
    remove: event.status === "SEARCHING" && event.matchId === undefined ? ["matchId"] : [],
  };
}

/**
 * The pure state machine: `(state, event) → new state`, or `undefined` when the event changes
 * nothing (terminal state, duplicate id, or older than what is stored). An event for a ticket not
 * stored yet creates it only when it is an automatic backfill ticket of one of our game sessions.
 * @example
 * const next = foldTicket(current, event, Date.now()) ?? current;
 */
export function foldTicket(state: Ticket | undefined, event: TicketEvent, now: number): Ticket | undefined {
  const patch = ticketPatch(event, now);
  if (!guardAllows(state === undefined ? undefined : ticketGuardState(state), patch.guard)) return undefined;
  return applyPatch<Ticket>(state, patch);
}
