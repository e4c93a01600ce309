import { leaveParty } from "@matchplace/core";
import { partyParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { clock, newId, parties, players, randomBytes } from "../http/services.js";

const logger = apiLogger("parties.leave");

/** DELETE /v1/parties/{partyId}/members/me: the caller leaves → 204 (next member leads; last one out deletes it). */
export const handler = httpHandler({ logger, params: partyParams, use: writeRoute() }, async (req) => {
  await leaveParty(
    { parties: parties(), players: players(), clock, newId, randomBytes },
    req.playerId,
    req.params.partyId,
  );
  logger.info("party left", { partyId: req.params.partyId });
  return { status: 204 };
});
