import { currentPlayerSessionCount, reservePlayerSessions } from "../../engines/sessions/gameSessions.js";
import type { PlayerSessionRecord } from "../../engines/state/records.js";
import { GameSessionFullException, InvalidGameSessionStatusException } from "../../errors.js";
import { requireGameSession } from "../lookup.js";
import type { EmulatorContext } from "../../engines/context.js";

/** The hard cap of player sessions in one game session. */
const maxPlayersPerSession = 200;

/**
 * Reserves player sessions, all or none: the game session must be ACTIVE, accept new players
 * (ACCEPT_ALL), and have room for all of them.
 */
export function admitPlayers(
  ctx: EmulatorContext,
  gameSessionId: string,
  players: readonly { PlayerId: string; PlayerData?: string }[],
): PlayerSessionRecord[] {
  const session = requireGameSession(ctx, gameSessionId);
  if (session.Status !== "ACTIVE") {
    throw new InvalidGameSessionStatusException(`Game session ${gameSessionId} is ${session.Status}, not ACTIVE.`);
  }
  if (session.PlayerSessionCreationPolicy === "DENY_ALL") {
    throw new GameSessionFullException(`Game session ${gameSessionId} is not accepting new player sessions.`);
  }
  const room =
    Math.min(session.MaximumPlayerSessionCount, maxPlayersPerSession) - currentPlayerSessionCount(ctx, gameSessionId);
  if (players.length > room) throw new GameSessionFullException(`Game session ${gameSessionId} is full.`);
  return reservePlayerSessions(ctx, session, players);
}
