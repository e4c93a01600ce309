import { stopPlacement } from "@matchplace/core";
import { placementParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { writeRoute } from "../http/routeMiddlewares.js";
import { gameliftCalls } from "../http/gamelift.js";
import { callStopGameSessionPlacement } from "@matchplace/core/gamelift";
import { placements } from "../http/services.js";

const logger = apiLogger("placements.stop");

/** DELETE /v1/placements/{placementId}: StopGameSessionPlacement → 204; harmless once ended; 409 once a session exists. */
export const handler = httpHandler({ logger, params: placementParams, use: writeRoute() }, async (req) => {
  const placement = await stopPlacement(
    { placements: placements(), gamelift: gameliftCalls(req.context, { stopPlacement: callStopGameSessionPlacement }) },
    req.playerId,
    req.params.placementId,
  );
  logger.info("placement stopped", { placementId: placement.placementId });
  return { status: 204 };
});
