import { stopTicket } from "@matchplace/core";
import { ticketParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { gameliftCalls } from "../http/gamelift.js";
import { callStopMatchmaking } from "@matchplace/core/gamelift";
import { players, ticketItems } from "../http/services.js";

const logger = apiLogger("matchmaking.stop");

/**
 * DELETE /v1/matchmaking/{ticketId}: StopMatchmaking → 204; 409 while PLACING; repeating it on an
 * ended ticket is harmless (204); 404 when the caller is not on the ticket.
 */
export const handler = httpHandler({ logger, params: ticketParams, use: writeRoute() }, async (req) => {
  const ticket = await stopTicket(
    {
      tickets: ticketItems(),
      players: players(),
      gamelift: gameliftCalls(req.context, { stopMatchmaking: callStopMatchmaking }),
    },
    { playerId: req.playerId, ticketId: req.params.ticketId },
  );
  logger.info("matchmaking stopped", { ticketId: ticket.ticketId, status: ticket.status });
  return { status: 204 };
});
