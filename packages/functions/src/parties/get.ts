import { partyView, pollParty } from "@matchplace/core";
import { partyParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/readRoute.js";
import { partyItems, playerProfiles } from "../http/services.js";

const logger = apiLogger("parties.get");

/** GET /v1/parties/{partyId}: the party, for its members only (404 otherwise); one eventually consistent GetItem, no write. */
export const handler = httpHandler({ logger, params: partyParams, use: readRoute() }, async (req) => {
  return {
    status: 200,
    body: partyView(
      await pollParty({ parties: partyItems(), players: playerProfiles() }, req.params.partyId, req.playerId),
    ),
  };
});
