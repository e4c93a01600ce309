import { InstanceLimiter, instanceLimit, instanceReadLimit, type InstanceRule } from "./middleware/instanceLimit.js";

/**
 * Middlewares of a polled read route: the per-player read limit of this handler instance, in memory
 * (best-effort; no DynamoDB write — API Gateway's route throttling is the hard ceiling on AWS). Apart
 * from `./routeMiddlewares.ts` (the write routes') so a read handler imports nothing of the
 * idempotency and write-limit stores.
 */
export function readRoute(rule: InstanceRule = instanceReadLimit): ReturnType<typeof instanceLimit>[] {
  return [instanceLimit({ limiter: new InstanceLimiter(rule) })];
}
