import { type Clock, systemClock } from "@matchplace/core";
import type { MiddlewareObj } from "@middy/core";
import { ThrottledError } from "@matchplace/core/errors";
import { pollLimits } from "../../routes.js";
import type { HttpEvent } from "../types.js";

/** A per-player limit: at most `limit` requests per `windowMs`. */
export interface InstanceRule {
  readonly limit: number;
  readonly windowMs: number;
}

/** Default per-player read limit of one handler instance (routes.ts `pollLimits.perPlayer`: 120 per 10 s). */
export const instanceReadLimit: InstanceRule = pollLimits.perPlayer;

/** Players remembered before windows that have ended are forgotten. */
const PRUNE_AT = 10_000;

/**
 * A fixed-window per-player counter held in this handler instance's memory: no DynamoDB write.
 *
 * Best-effort by design: each Lambda instance (each concurrent execution environment) counts on its
 * own and forgets on a cold start, so a player spread over N instances may get up to N × `limit`.
 * The hard ceiling on AWS is API Gateway's route throttling (infra/api.ts); this guards one instance
 * against one player hammering it, with the same 429 `RATE_LIMITED` + `Retry-After` contract as the
 * DynamoDB-backed write limit.
 * @example const limiter = new InstanceLimiter(instanceReadLimit); limiter.hit("p1", Date.clock.now());
 */
export class InstanceLimiter {
  readonly #rule: InstanceRule;
  readonly #windows = new Map<string, { start: number; count: number }>();

  public constructor(rule: InstanceRule) {
    this.#rule = rule;
  }

  /**
   * Counts one request of `playerId` at `now`.
   * @throws ThrottledError `RATE_LIMITED` (retryAfterMs = until the window ends) past the limit.
   */
  public hit(playerId: string, now: number): void {
    const { limit, windowMs } = this.#rule;
    const start = now - (now % windowMs);
    let window = this.#windows.get(playerId);
    if (window === undefined || window.start !== start) {
      if (window === undefined && this.#windows.size >= PRUNE_AT) this.#prune(start);
      window = { start, count: 0 };
      this.#windows.set(playerId, window);
    }
    window.count += 1;
    if (window.count > limit) {
      throw new ThrottledError("Too many requests", {
        code: "RATE_LIMITED",
        retryAfterMs: start + windowMs - now,
        details: { limit, windowMs },
      });
    }
  }

  /** Players currently remembered. */
  public get size(): number {
    return this.#windows.size;
  }

  #prune(currentStart: number): void {
    for (const [player, w] of this.#windows) if (w.start !== currentStart) this.#windows.delete(player);
  }
}

/** Options of {@link instanceLimit}. */
export interface InstanceLimitOptions {
  readonly limiter: InstanceLimiter;
  /** Time source (default the system clock). */
  readonly clock?: Clock;
}

/**
 * Counts the caller's request in this instance's memory (see {@link InstanceLimiter}); past the
 * limit the request fails with 429 and `Retry-After` before anything is read.
 * @example httpHandler({ logger, use: [instanceLimit({ limiter: new InstanceLimiter(instanceReadLimit) })] }, fn)
 */
export function instanceLimit(options: InstanceLimitOptions): MiddlewareObj<HttpEvent> {
  const clock = options.clock ?? systemClock;
  const instanceLimitBefore = (request: { event: HttpEvent }): void => {
    const playerId = request.event.playerId;
    if (playerId !== undefined) options.limiter.hit(playerId, clock.now());
  };
  return { before: instanceLimitBefore };
}
