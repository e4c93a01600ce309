import type { RateLimit } from "@matchplace/core/dynamo";
import { idempotency } from "./middleware/idempotency.js";
import { rateLimit, writeLimit } from "./middleware/rateLimit.js";
import { idempotencyStore, rateLimitStore } from "./services.js";

/**
 * Middlewares of a mutating route: Idempotency-Key handling (a malformed key is refused before
 * anything is written; a replay is not counted), then the per-player write limit (a limited request
 * releases its key again).
 */
export function writeRoute(rule: RateLimit = writeLimit): ReturnType<typeof idempotency | typeof rateLimit>[] {
  return [idempotency({ store: idempotencyStore }), rateLimit({ rule, store: rateLimitStore })];
}
