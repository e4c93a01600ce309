import { placementRetryAfterMs, placementView, pollPlacement } from "@matchplace/core";
import { etagOf, ifNoneMatchHits } from "../http/etag.js";
import { placementParams } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { readRoute } from "../http/readRoute.js";
import { clock, placementItems, playerProfiles } from "../http/services.js";

const logger = apiLogger("placements.get");

/**
 * GET /v1/placements/{placementId}: the placement with the caller's own player session — one eventually
 * consistent GetItem, no write; 404 for others; ETag → 304.
 */
export const handler = httpHandler({ logger, params: placementParams, use: readRoute() }, async (req) => {
  const placement = await pollPlacement(
    { players: playerProfiles(), placements: placementItems() },
    req.params.placementId,
    req.playerId,
  );
  const view = placementView(placement, req.playerId);
  const etag = etagOf(view);
  const hint = placementRetryAfterMs(placement, clock.now());
  const headers = { etag, "x-retry-after-ms": String(hint) };
  if (ifNoneMatchHits(req.headers["if-none-match"], etag)) return { status: 304, headers };
  return { status: 200, headers, body: { ...view, retryAfterMs: hint } };
});
