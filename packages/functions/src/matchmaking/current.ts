import { pollCurrentTicket } from "@matchplace/core";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/routeMiddlewares.js";
import { services } from "../http/services.js";
import { ticketReply } from "./ticketReply.js";

const logger = apiLogger("matchmaking.current");

/**
 * GET /v1/matchmaking/current: the caller's latest ticket (404 when none) — the profile and the
 * ticket it names, both eventually consistent, no write; ETag / If-None-Match → 304.
 */
export const handler = httpHandler({ logger, use: readRoute() }, async (req) => {
  const s = services();
  const ticket = await pollCurrentTicket(s, req.playerId);
  return ticketReply(ticket, req.playerId, req.headers["if-none-match"], s.clock.now());
});
