import { ConflictError, NotFoundError } from "../../errors.js";
import { isTerminalTicketStatus } from "../ticket/status.js";
import type { Ticket } from "../ticket/types.js";
import type { GameLiftPort, TicketPort } from "./ports.js";
import { readTicketFor } from "./readTicket.js";

/** Dependencies of {@link acceptMatch} and {@link stopTicket} (each with the GameLift call it makes). */
export interface TicketChangeDeps<Calls extends keyof GameLiftPort = "acceptMatch" | "stopMatchmaking"> {
  readonly tickets: Pick<TicketPort, "get">;
  readonly gamelift: Pick<GameLiftPort, Calls>;
  readonly players: { releaseActiveTicket(ticketId: string, playerIds: readonly string[]): Promise<void> };
}

/**
 * Answers a proposed match for the caller only (never for the other players of the ticket).
 * @throws NotFoundError when the caller is not on the ticket; ConflictError `NOT_AWAITING_ACCEPTANCE`
 *   unless the ticket is in REQUIRES_ACCEPTANCE.
 */
export async function acceptMatch(
  deps: TicketChangeDeps<"acceptMatch">,
  input: { playerId: string; ticketId: string; accept: boolean },
): Promise<Ticket> {
  const ticket = await readTicketFor(deps.tickets, input.ticketId, input.playerId);
  if (ticket.status !== "REQUIRES_ACCEPTANCE") {
    throw new ConflictError("NOT_AWAITING_ACCEPTANCE", `ticket is ${ticket.status}, not REQUIRES_ACCEPTANCE`, {
      details: { status: ticket.status },
    });
  }
  await deps.gamelift.acceptMatch({ ticketId: ticket.ticketId, playerIds: [input.playerId], accept: input.accept });
  return ticket;
}

/**
 * Cancels a ticket the caller is on. Repeating it on an ended ticket is harmless (no GameLift call);
 * the players' activeTicketId is released so they may start again.
 * @throws NotFoundError when the caller is not on the ticket; ConflictError `TICKET_PLACING` while
 *   the match is being placed (GameLift refuses to cancel then).
 */
export async function stopTicket(
  deps: TicketChangeDeps<"stopMatchmaking">,
  input: { playerId: string; ticketId: string },
): Promise<Ticket> {
  const ticket = await readTicketFor(deps.tickets, input.ticketId, input.playerId);
  if (!isTerminalTicketStatus(ticket.status)) {
    if (ticket.status === "PLACING") {
      throw new ConflictError("TICKET_PLACING", "The match is being placed and can no longer be cancelled", {
        details: { status: ticket.status },
      });
    }
    try {
      await deps.gamelift.stopMatchmaking(ticket.ticketId);
    } catch (err) {
      // Unknown to GameLift (its start never went through): nothing left to stop.
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  await deps.players.releaseActiveTicket(ticket.ticketId, ticket.playerIds);
  return ticket;
}
