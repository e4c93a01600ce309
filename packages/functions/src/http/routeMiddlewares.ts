import type { RateLimit } from "@matchplace/core/dynamo";
import { idempotency } from "./middleware/idempotency.js";
import { rateLimit, readLimit, writeLimit } from "./middleware/rateLimit.js";
import { services } from "./services.js";

/** Middlewares of a mutating route: per-player write limit, then Idempotency-Key handling. */
export function writeRoute(rule: RateLimit = writeLimit): ReturnType<typeof idempotency | typeof rateLimit>[] {
  return [rateLimit({ rule, store: () => services().rateLimits }), idempotency({ store: () => services().idempotency })];
}

/** Middlewares of a read route: the per-player read limit. */
export function readRoute(rule: RateLimit = readLimit): ReturnType<typeof rateLimit>[] {
  return [rateLimit({ rule, store: () => services().rateLimits })];
}
