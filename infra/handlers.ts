/**
 * Every Lambda handler infra deploys, and what each may touch, derived from
 * packages/functions/src/routes.ts (where each route and each other handler declares its `access`):
 * plain data, no SST globals, so tests can read it without running the program. The IAM-specific
 * constants infra alone needs (which actions take a queue ARN, the key prefixes IAM conditions name)
 * are here.
 */
import { isDeepStrictEqual } from "node:util";
import {
  type GameLiftAction,
  type HandlerAccess,
  type HandlerDefinition,
  invoked,
  realtime,
  routes,
  schedules,
  subscribers,
} from "@matchplace/functions/routes";

/** The realtime channel's handlers: the `$connect` authorizer, the three WebSocket routes, the stream dispatcher. */
function realtimeDefinitions(): HandlerDefinition[] {
  return [realtime.authorizer, ...Object.values(realtime.routes), realtime.dispatcher];
}

/** The realtime channel's handler strings. */
export function realtimeHandlers(): string[] {
  return realtimeDefinitions().map((d) => d.handler);
}

/** Every handler definition infra deploys: the routes, the event consumer, the schedule, the redrive, the realtime channel. */
function deployedDefinitions(): HandlerDefinition[] {
  return [
    ...routes,
    ...Object.values(subscribers),
    ...Object.values(schedules),
    ...Object.values(invoked),
    ...realtimeDefinitions(),
  ];
}

/** Thrown when one handler is declared twice with different access. */
class ConflictingAccessError extends Error {
  constructor(handler: string) {
    super(`Handler "${handler}" is declared twice in routes.ts with different access`);
    this.name = "ConflictingAccessError";
  }
}

/**
 * Access by handler string. A handler may back more than one definition (e.g. two routes) only with
 * the same access; otherwise which one IAM gets would depend on the order.
 */
export function accessByHandler(definitions: readonly HandlerDefinition[]): Readonly<Record<string, HandlerAccess>> {
  const out: Record<string, HandlerAccess> = {};
  for (const { handler, access } of definitions) {
    const seen = out[handler];
    if (seen && !isDeepStrictEqual(seen, access)) throw new ConflictingAccessError(handler);
    out[handler] = access;
  }
  return out;
}

/** Access of every deployed handler, keyed by handler string. */
export const handlerAccess: Readonly<Record<string, HandlerAccess>> = accessByHandler(deployedDefinitions());

/**
 * Every handler string infra deploys: the routes, the event consumer, the schedule, the redrive and
 * the realtime channel.
 */
export function deployedHandlers(): string[] {
  return [...new Set(deployedDefinitions().map((d) => d.handler))];
}

/**
 * Stable route name from method and path, so logical ids don't change when routes are reordered:
 * `GET /v1/matchmaking/{ticketId}` → `GetV1MatchmakingTicketId` (function `ApiRoute<name>Handler`).
 */
export function routeName(method: string, path: string): string {
  return [method.toLowerCase(), ...path.split(/[^A-Za-z0-9]+/)]
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/**
 * GameLift actions that accept a resource ARN (the game session queue). The service authorization
 * reference lists no resource type for the matchmaking actions nor the other placement actions, so
 * IAM only matches those on "*": naming a configuration ARN there would deny every call.
 */
export const QUEUE_SCOPED_ACTIONS: ReadonlySet<GameLiftAction> = new Set(["StartGameSessionPlacement"]);

/** Partition-key prefix of the write-limit counters (core's RateLimitStore: `RATE#<player>#<bucket>`). */
export const RATE_LIMIT_KEY_PREFIX = "RATE#";

/**
 * Partition-key prefixes of the realtime channel's connection records: `PLAYER#<id>` (a player's
 * connections, `sk` `CONN#<connectionId>`) and `CONN#<connectionId>`. IAM can only condition on
 * the partition key, so a `connections` handler may write any item of a player's partition.
 */
export const CONNECTION_KEY_PREFIXES = ["PLAYER#", "CONN#"] as const;
