import { type Clock, systemClock } from "@matchplace/core";
import type { MiddlewareObj } from "@middy/core";
import type { RateLimit, RateLimitStore } from "@matchplace/core/dynamo";
import type { HttpEvent } from "../types.js";

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  readonly rule: RateLimit;
  /** Resolved on first use (so modules load without linked resources). */
  readonly store: () => RateLimitStore;
  /** Time source (default the system clock). */
  readonly clock?: Clock;
}

/** Default per-player limit of mutating routes: 30 per 10 s. */
export const writeLimit: RateLimit = { bucket: "write", limit: 30, windowMs: 10_000 };

/**
 * Counts the caller's request against a per-player fixed window; past the limit the request fails
 * with 429 and `Retry-After`. Runs after validation, so refused input writes nothing.
 * @example httpHandler({ logger, use: [rateLimit({ rule: writeLimit, store: rateLimitStore })] }, fn)
 */
export function rateLimit(options: RateLimitOptions): MiddlewareObj<HttpEvent> {
  const clock = options.clock ?? systemClock;
  const rateLimitBefore = async (request: { event: HttpEvent }): Promise<void> => {
    const playerId = request.event.playerId;
    if (playerId === undefined) return;
    await options.store().hit(playerId, options.rule, clock.now());
  };
  return { before: rateLimitBefore };
}
