import { startMatchmaking } from "@matchplace/core";
import { matchmakingSchemas } from "@matchplace/client/schemas";
import { linkedCatalog } from "../edge.js";
import { configurationNameOf } from "../http/catalog.js";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { gameliftCalls } from "../http/gamelift.js";
import { callStartMatchmaking } from "@matchplace/core/gamelift";
import { ratings } from "../http/rating.js";
import { clock, newId, partyItems, players, ticketStore } from "../http/services.js";

const logger = apiLogger("matchmaking.start");

// Built on the first request, from the linked catalog (not when the module loads).
const body = () => matchmakingSchemas(linkedCatalog()).startMatchmakingBody;

/**
 * POST /v1/matchmaking: starts a ticket for the caller, or the caller's party when the caller leads
 * one → 202 `{ticketId, status, retryAfterMs}`; 409 with the active ticketId when a member already
 * has one.
 */
export const handler = httpHandler({ logger, body, use: writeRoute() }, async (req) => {
  const catalog = linkedCatalog();
  const profile =
    (req.body.configuration && catalog.findConfiguration(req.body.configuration)) || catalog.defaultConfiguration;
  const { ticket, retryAfterMs } = await startMatchmaking(
    {
      players: players(),
      parties: partyItems(),
      tickets: ticketStore(),
      gamelift: gameliftCalls(req.context, { startMatchmaking: callStartMatchmaking }),
      clock,
      newTicketId: newId,
      skillOf: (player, p) => ratings().skillOf(player, configurationNameOf(p)),
    },
    {
      playerId: req.playerId,
      profile,
      configurationName: configurationNameOf(profile),
      ...(req.body.latencyInMs ? { latencyInMs: req.body.latencyInMs } : {}),
      ...(req.body.attributes ? { attributes: req.body.attributes } : {}),
    },
  );
  logger.info("matchmaking started", { ticketId: ticket.ticketId, players: ticket.playerIds.length });
  return {
    status: 202,
    headers: { location: `/v1/matchmaking/${ticket.ticketId}` },
    body: { ticketId: ticket.ticketId, status: ticket.status, retryAfterMs },
  };
});
