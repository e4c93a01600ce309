import { placementRetryAfterMs, startPlacement } from "@matchplace/core";
import { placementSchemas } from "@matchplace/client/schemas";
import { linkedCatalog } from "../edge.js";
import { queueNameOf } from "../http/catalog.js";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { gameliftCalls } from "../http/gamelift.js";
import { callStartGameSessionPlacement } from "@matchplace/core/gamelift";
import { clock, newId, partyItems, placementQuota, placementStore, players } from "../http/services.js";

const logger = apiLogger("placements.start");

// Built on the first request, from the linked catalog (not when the module loads).
const body = () => placementSchemas(linkedCatalog()).startPlacementBody;

/** POST /v1/placements: StartGameSessionPlacement for the caller or the caller's party → 202 `{placementId, status, retryAfterMs}`. */
export const handler = httpHandler({ logger, body, use: writeRoute() }, async (req) => {
  const catalog = linkedCatalog();
  const profile = (req.body.queue && catalog.findQueue(req.body.queue)) || catalog.defaultQueue;
  const { queue: _queue, ...rest } = req.body;
  const placement = await startPlacement(
    {
      placements: placementStore(),
      players: players(),
      parties: partyItems(),
      gamelift: gameliftCalls(req.context, { startPlacement: callStartGameSessionPlacement }),
      clock,
      newId,
      placementQuota: placementQuota(),
    },
    { ...rest, playerId: req.playerId, profile, queueName: queueNameOf(profile) },
  );
  logger.info("placement started", { placementId: placement.placementId, players: placement.playerIds.length });
  return {
    status: 202,
    headers: { location: `/v1/placements/${placement.placementId}` },
    body: {
      placementId: placement.placementId,
      status: placement.status,
      retryAfterMs: placementRetryAfterMs(placement, clock.now()),
    },
  };
});
