import { pollCurrentTicket } from "@matchplace/core";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/readRoute.js";
import { clock, playerProfiles, ticketItems } from "../http/services.js";
import { ticketReply } from "./ticketReply.js";

const logger = apiLogger("matchmaking.current");

/**
 * GET /v1/matchmaking/current: the caller's latest ticket (404 when none) — the profile and the
 * ticket it names, both eventually consistent, no write; ETag / If-None-Match → 304.
 */
export const handler = httpHandler({ logger, use: readRoute() }, async (req) => {
  const ticket = await pollCurrentTicket({ players: playerProfiles(), tickets: ticketItems() }, req.playerId);
  return ticketReply(ticket, req.playerId, req.headers["if-none-match"], clock.now());
});
