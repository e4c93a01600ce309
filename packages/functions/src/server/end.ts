import { endGameSession } from "@matchplace/core";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { gameSessionTickets, players } from "../http/services.js";
import { callerFleets, gameSessionParams } from "./gameSessionParams.js";

const logger = apiLogger("server.end");

/**
 * POST /v1/server/game-sessions/{gameSessionId}/end (SigV4): the session is over; no player has
 * its ticket as their current one any more (GET /v1/matchmaking/current → 404, a new start is
 * allowed). Idempotent → 200 `{gameSessionArn, playerIds}`.
 */
export const handler = httpHandler({ logger, auth: "iam", params: gameSessionParams }, async (req) => {
  const ended = await endGameSession(
    { tickets: gameSessionTickets(), players: players() },
    { gameSessionId: req.params.gameSessionId, fleets: callerFleets(req.iamCaller) },
  );
  logger.info("game session ended", { gameSessionArn: ended.gameSessionArn, players: ended.playerIds.length });
  return { status: 200, body: ended };
});
