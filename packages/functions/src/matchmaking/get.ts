import { pollTicket } from "@matchplace/core";
import { ticketParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/readRoute.js";
import { clock, playerProfiles, ticketItems } from "../http/services.js";
import { ticketReply } from "./ticketReply.js";

const logger = apiLogger("matchmaking.get");

/**
 * GET /v1/matchmaking/{ticketId}: the ticket from DynamoDB as the caller may see it — one eventually
 * consistent GetItem, no write, never GameLift (a just-started ticket is re-read strongly consistent,
 * see core `pollTicket`); 404 for an unknown ticket or one the caller is not on; ETag / If-None-Match → 304.
 */
export const handler = httpHandler({ logger, params: ticketParams, use: readRoute() }, async (req) => {
  const ticket = await pollTicket(
    { players: playerProfiles(), tickets: ticketItems() },
    req.params.ticketId,
    req.playerId,
  );
  return ticketReply(ticket, req.playerId, req.headers["if-none-match"], clock.now());
});
