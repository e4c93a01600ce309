import { joinParty, partyView } from "@matchplace/core";
import { joinPartyBody } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { clock, newId, parties, players, randomBytes } from "../http/services.js";

const logger = apiLogger("parties.join");

/** POST /v1/parties/join `{code}`: joins the party the code names → 200; 404 unknown code; 409 full / in another party. */
export const handler = httpHandler({ logger, body: joinPartyBody, use: writeRoute() }, async (req) => {
  const party = await joinParty(
    { parties: parties(), players: players(), clock, newId, randomBytes },
    req.playerId,
    req.body.code,
  );
  logger.info("party joined", { partyId: party.partyId });
  return { status: 200, body: partyView(party) };
});
