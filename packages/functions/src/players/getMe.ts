import { newPlayer, playerView, pollProfile } from "@matchplace/core";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/readRoute.js";
import { ratings } from "../http/rating.js";
import { clock, playerProfiles, stageNames } from "../http/services.js";

const logger = apiLogger("players.getMe");

/**
 * GET /v1/players/me: the caller's profile with its ratings by pool and the `skill` matchmaking sends
 * (the default configuration's rating on the rule set's scale). One eventually consistent GetItem and
 * no write: a player never seen gets the defaults (the profile is stored by its first write).
 */
export const handler = httpHandler({ logger, use: readRoute() }, async (req) => {
  const player =
    (await pollProfile({ players: playerProfiles() }, req.playerId)) ?? newPlayer(req.playerId, clock.now());
  return {
    status: 200,
    body: playerView(player, {
      model: ratings().model,
      skill: ratings().skillOf(player, stageNames().configurationName),
    }),
  };
});
