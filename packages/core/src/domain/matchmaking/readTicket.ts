import { NotFoundError } from "../../errors.js";
import type { Ticket } from "../ticket/types.js";
import type { TicketPort } from "./ports.js";
import { canSeeTicket } from "./view.js";

/**
 * The ticket if `playerId` is on it.
 * @throws NotFoundError for an unknown ticket and for one the caller is not on (no existence leak).
 */
export async function readTicketFor(
  tickets: Pick<TicketPort, "get">,
  ticketId: string,
  playerId: string,
): Promise<Ticket> {
  const ticket = await tickets.get(ticketId);
  if (!ticket || !canSeeTicket(ticket, playerId)) throw new NotFoundError("No such matchmaking ticket");
  return ticket;
}

/**
 * The caller's current ticket: the one its profile points at (active, or ended and not yet replaced).
 * @throws NotFoundError when the player has none.
 */
export async function readCurrentTicket(
  deps: {
    readonly players: { get(playerId: string): Promise<{ activeTicketId?: string } | undefined> };
    readonly tickets: Pick<TicketPort, "get">;
  },
  playerId: string,
): Promise<Ticket> {
  const player = await deps.players.get(playerId);
  if (player?.activeTicketId === undefined) throw new NotFoundError("No current matchmaking ticket");
  return readTicketFor(deps.tickets, player.activeTicketId, playerId);
}
