import { acceptMatch } from "@matchplace/core";
import { acceptMatchBody, ticketParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { gameliftCalls } from "../http/gamelift.js";
import { callAcceptMatch } from "@matchplace/core/gamelift";
import { players, ticketItems } from "../http/services.js";

const logger = apiLogger("matchmaking.accept");

/**
 * POST /v1/matchmaking/{ticketId}/accept `{accept}`: AcceptMatch for the caller only → 202;
 * 409 unless the ticket is REQUIRES_ACCEPTANCE; 404 when the caller is not on it.
 */
export const handler = httpHandler(
  { logger, params: ticketParams, body: acceptMatchBody, use: writeRoute() },
  async (req) => {
    const ticket = await acceptMatch(
      {
        tickets: ticketItems(),
        players: players(),
        gamelift: gameliftCalls(req.context, { acceptMatch: callAcceptMatch }),
      },
      { playerId: req.playerId, ticketId: req.params.ticketId, accept: req.body.accept },
    );
    logger.info("match answered", { ticketId: ticket.ticketId, accept: req.body.accept });
    return { status: 202, body: { ticketId: ticket.ticketId, accepted: req.body.accept } };
  },
);
