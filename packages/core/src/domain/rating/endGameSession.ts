import { findGameSession, type FleetScope } from "./gameSessionRoster.js";
import type { GameSessionTicketsPort, ResultPlayersPort } from "./ports.js";

/** What {@link endGameSession} did. */
export interface EndGameSessionOutcome {
  readonly gameSessionArn: string;
  /** Every player of the session: none of them has it as their current ticket any more. */
  readonly playerIds: readonly string[];
}

/**
 * A game session is over: each player's ticket into it stops being their current one (their
 * `activeTicketId` is released, conditionally on still pointing at that ticket, so a player who
 * already started anew keeps the new ticket). Idempotent.
 * @throws NotFoundError / NotPermittedError / ConflictError `AMBIGUOUS_GAME_SESSION` (see findGameSession)
 */
export async function endGameSession(
  deps: { readonly tickets: GameSessionTicketsPort; readonly players: Pick<ResultPlayersPort, "releaseActiveTicket"> },
  input: { readonly gameSessionId: string; readonly fleets: FleetScope },
): Promise<EndGameSessionOutcome> {
  const session = await findGameSession(deps.tickets, input.gameSessionId, input.fleets);
  await Promise.all(session.tickets.map((t) => deps.players.releaseActiveTicket(t.ticketId, t.playerIds)));
  return { gameSessionArn: session.gameSessionArn, playerIds: session.tickets.flatMap((t) => t.playerIds) };
}
