import { playerView } from "@matchplace/core";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/routeMiddlewares.js";
import { services } from "../http/services.js";

const logger = apiLogger("players.getMe");

/** GET /v1/players/me: the caller's profile, created with defaults (skill 1000) on first sight. */
export const handler = httpHandler({ logger, use: readRoute() }, async (req) => {
  const s = services();
  return { status: 200, body: playerView(await s.players.getOrCreate(req.playerId, s.now())) };
});
