import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";
import { endGameSession } from "./gameSessions.js";

/**
 * What a game server would do through the GameLift Server SDK, for tests and demos of the local
 * stage (the emulator runs no server processes). Each returns whether it changed anything.
 */

/** `AcceptPlayerSession`: a RESERVED player session of an ACTIVE game session turns ACTIVE. */
export function acceptPlayerSession(ctx: EmulatorContext, playerSessionId: string): boolean {
  const cols = collections(ctx.store);
  const p = cols.playerSessions.get(playerSessionId);
  if (p?.Status !== "RESERVED" || cols.gameSessions.get(p.GameSessionId)?.Status !== "ACTIVE") return false;
  p.Status = "ACTIVE";
  return true;
}

/** `RemovePlayerSession`: the player left; a RESERVED or ACTIVE player session turns COMPLETED. */
export function removePlayerSession(ctx: EmulatorContext, playerSessionId: string): boolean {
  const p = collections(ctx.store).playerSessions.get(playerSessionId);
  if (p?.Status !== "RESERVED" && p?.Status !== "ACTIVE") return false;
  Object.assign(p, { Status: "COMPLETED", TerminationTime: ctx.clock.now() });
  return true;
}

/** `ProcessEnding`: the server process running a live game session ended it; it is TERMINATED. */
export function endGameSessionProcess(ctx: EmulatorContext, gameSessionId: string): boolean {
  const s = collections(ctx.store).gameSessions.get(gameSessionId);
  if (s?.Status !== "ACTIVE" && s?.Status !== "ACTIVATING" && s?.Status !== "TERMINATING") return false;
  endGameSession(ctx, s, s.StatusReason);
  return true;
}
