import type { ReconcileStore, TicketEventSink } from "../../domain/events/ports.js";
import type { TicketEvent } from "../../domain/events/types.js";
import type { TicketPort } from "../../domain/matchmaking/ports.js";
import { gameSessionKeyOf } from "../../domain/rating/gameSession.js";
import { ticketPatch } from "../../domain/ticket/fold.js";
import type { NewTicket, Ticket, TicketStatus } from "../../domain/ticket/types.js";
import { EventFoldedRepository, type EventFoldedRepositoryOptions, type FoldedKind } from "./EventFoldedRepository.js";
import { TICKET_ITEMS } from "./ticketItem.js";

/** Options for {@link TicketRepository}. */
export type TicketRepositoryOptions = EventFoldedRepositoryOptions;

const TICKETS: FoldedKind<TicketStatus, Ticket, NewTicket, TicketEvent> = {
  ...TICKET_ITEMS,
  targetOf: (e) => e.ticketId,
  patch: ticketPatch,
  indexKeysOf: (e) => (e.connection ? { gameSessionKey: gameSessionKeyOf(e.connection.gameSessionArn) } : undefined),
};

/**
 * Ticket items in the single table (pk `TICKET#<id>`, sk `TICKET`): the event-folded repository
 * ({@link EventFoldedRepository}, shared with placements); a placed ticket gets the `gameSession` index
 * key, which {@link GameSessionTicketIndex} lists by.
 * A new ticket is QUEUED unless given a status.
 * @example
 * const tickets = new TicketRepository({ client: createDocumentClient(), tableName: Resource.Table.name });
 * await tickets.create({ ticketId, configurationName, playerIds, players, createdAt: Date.now() });
 */
export class TicketRepository
  extends EventFoldedRepository<TicketStatus, Ticket, NewTicket, TicketEvent>
  implements TicketPort, TicketEventSink, ReconcileStore<Ticket, TicketEvent>
{
  public constructor(options: TicketRepositoryOptions) {
    super(options, TICKETS);
  }
}
