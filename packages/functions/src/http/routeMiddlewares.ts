import type { RateLimit } from "@matchplace/core/dynamo";
import { idempotency } from "./middleware/idempotency.js";
import { InstanceLimiter, instanceLimit, instanceReadLimit, type InstanceRule } from "./middleware/instanceLimit.js";
import { rateLimit, writeLimit } from "./middleware/rateLimit.js";
import { services } from "./services.js";

/**
 * Middlewares of a mutating route: Idempotency-Key handling (a malformed key is refused before
 * anything is written; a replay is not counted), then the per-player write limit (a limited request
 * releases its key again).
 */
export function writeRoute(rule: RateLimit = writeLimit): ReturnType<typeof idempotency | typeof rateLimit>[] {
  return [
    idempotency({ store: () => services().idempotency }),
    rateLimit({ rule, store: () => services().rateLimits }),
  ];
}

/**
 * Middlewares of a polled read route: the per-player read limit of this handler instance, in memory
 * (best-effort; no DynamoDB write — API Gateway's route throttling is the hard ceiling on AWS).
 */
export function readRoute(rule: InstanceRule = instanceReadLimit): ReturnType<typeof instanceLimit>[] {
  return [instanceLimit({ limiter: new InstanceLimiter(rule) })];
}
