import { createParty, partyView } from "@matchplace/core";
import { createPartyBody } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { clock, newId, parties, players, randomBytes } from "../http/services.js";

const logger = apiLogger("parties.create");

/** POST /v1/parties: the caller founds and leads a party → 201 with its join code; 409 when already in one. */
export const handler = httpHandler({ logger, body: createPartyBody, use: writeRoute() }, async (req) => {
  const party = await createParty({ parties: parties(), players: players(), clock, newId, randomBytes }, req.playerId);
  logger.info("party created", { partyId: party.partyId });
  return { status: 201, headers: { location: `/v1/parties/${party.partyId}` }, body: partyView(party) };
});
