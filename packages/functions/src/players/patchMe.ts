import { checkClientAttributes, playerView } from "@matchplace/core";
import { updatePlayerBody } from "@matchplace/client/schemas";
import { linkedCatalog } from "../edge.js";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { ratings } from "../http/rating.js";
import { clock, players, stageNames } from "../http/services.js";

const logger = apiLogger("players.patchMe");

// Built on the first request, from the linked catalog (not when the module loads).
const body = () => updatePlayerBody(linkedCatalog());

/**
 * PATCH /v1/players/me `{preferences}`: replaces the caller's client-settable attributes (checked
 * against the rule set's types); server-side ones such as skill are refused with 400.
 */
export const handler = httpHandler({ logger, body, use: writeRoute() }, async (req) => {
  const profile = linkedCatalog().defaultConfiguration;
  const preferences = checkClientAttributes(profile, req.body.preferences, "body.preferences");
  const player = await players().setPreferences(req.playerId, preferences, clock.now());
  return {
    status: 200,
    body: playerView(player, {
      model: ratings().model,
      skill: ratings().skillOf(player, stageNames().configurationName),
    }),
  };
});
