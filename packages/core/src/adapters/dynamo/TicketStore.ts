import type { TicketPort } from "../../domain/matchmaking/ports.js";
import type { NewTicket, Ticket, TicketStatus } from "../../domain/ticket/types.js";
import { EventFoldedStore, type EventFoldedStoreOptions } from "./EventFoldedStore.js";
import { TICKET_ITEMS } from "./ticketItem.js";

/**
 * Stores new tickets and reads them (pk `TICKET#<id>`, sk `TICKET`), with no fold: what the start
 * route needs. The same items {@link TicketRepository} folds GameLift's events into.
 * @example await new TicketStore({ client, tableName }).create({ ticketId, configurationName, playerIds, players, createdAt });
 */
export class TicketStore extends EventFoldedStore<TicketStatus, Ticket, NewTicket> implements TicketPort {
  public constructor(options: EventFoldedStoreOptions) {
    super(options, TICKET_ITEMS);
  }
}
