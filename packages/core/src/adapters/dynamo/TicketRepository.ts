import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { ReconcileStore, TicketEventSink } from "../../domain/events/ports.js";
import type { TicketEvent } from "../../domain/events/types.js";
import type { TicketPort } from "../../domain/matchmaking/ports.js";
import type { GameSessionTicketsPort } from "../../domain/rating/ports.js";
import { gameSessionKeyOf } from "../../domain/rating/gameSession.js";
import { ticketPatch } from "../../domain/ticket/fold.js";
import type { NewTicket, Ticket, TicketStatus } from "../../domain/ticket/types.js";
import { EventFoldedRepository, type EventFoldedRepositoryOptions, type FoldedKind } from "./EventFoldedRepository.js";
import { GAME_SESSION_INDEX, GAME_SESSION_KEY } from "./tableSchema.js";
import { TICKET_ITEMS, ticketFromItem } from "./ticketItem.js";

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
 * ({@link EventFoldedRepository}, shared with placements) plus the `gameSession` index.
 * A new ticket is QUEUED unless given a status.
 * @example
 * const tickets = new TicketRepository({ client: createDocumentClient(), tableName: Resource.Table.name });
 * await tickets.create({ ticketId, configurationName, playerIds, players, createdAt: Date.now() });
 */
export class TicketRepository
  extends EventFoldedRepository<TicketStatus, Ticket, NewTicket, TicketEvent>
  implements TicketPort, TicketEventSink, ReconcileStore<Ticket, TicketEvent>, GameSessionTicketsPort
{
  public constructor(options: TicketRepositoryOptions) {
    super(options, TICKETS);
  }

  /**
   * The tickets placed into a game session, via the sparse `gameSession` GSI (eventually consistent:
   * a result reported within a second of placement may not see them yet). `gameSessionId` is the
   * ARN or its last path segment; with an ARN, only tickets of exactly that session are returned.
   */
  public async listByGameSession(gameSessionId: string): Promise<Ticket[]> {
    const key = gameSessionKeyOf(gameSessionId);
    const out: Ticket[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: GAME_SESSION_INDEX,
          KeyConditionExpression: "#k = :k",
          ExpressionAttributeNames: { "#k": GAME_SESSION_KEY },
          ExpressionAttributeValues: { ":k": key },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      out.push(...(page.Items ?? []).map(ticketFromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return gameSessionId.startsWith("arn:") ? out.filter((t) => t.connection?.gameSessionArn === gameSessionId) : out;
  }
}
