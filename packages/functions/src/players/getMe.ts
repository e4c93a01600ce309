import { defaultConfigurationProfile, playerView } from "@matchplace/core";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/routeMiddlewares.js";
import { services } from "../http/services.js";

const logger = apiLogger("players.getMe");

/**
 * GET /v1/players/me: the caller's profile, created with defaults on first sight, with its ratings by
 * pool and the `skill` matchmaking sends (the default configuration's rating on the rule set's scale).
 */
export const handler = httpHandler({ logger, use: readRoute() }, async (req) => {
  const s = services();
  const player = await s.players.getOrCreate(req.playerId, s.now());
  return { status: 200, body: playerView(player, { model: s.ratingModel, skill: s.skillOf(player, defaultConfigurationProfile) }) };
});
