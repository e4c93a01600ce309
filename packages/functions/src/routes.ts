/**
 * The one route table of the player REST API: plain data, read by `infra/api.ts` (API Gateway HTTP API)
 * and by the local API Gateway in `packages/local`. Nothing here imports handler code.
 *
 * `handler` uses SST's handler string format: the repo-relative module path without extension, a dot,
 * and the named export (`packages/functions/src/health.handler`).
 */

/** An HTTP method as API Gateway HTTP APIs route it. */
export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** One API Gateway route bound to one Lambda handler. */
export interface RouteDefinition {
  /** HTTP method. */
  readonly method: RouteMethod;
  /** Path in API Gateway syntax, with `{name}` path parameters, e.g. `/v1/matchmaking/{ticketId}`. */
  readonly path: string;
  /** SST handler string: `packages/functions/src/<module>.<export>`. */
  readonly handler: string;
  /** Whether the JWT authorizer guards the route (the handler reads `claims.sub` when true). */
  readonly auth: boolean;
}

const fn = (module: string): string => `packages/functions/src/${module}.handler`;

/**
 * Every route of the player API.
 *
 * @example
 * ```ts
 * for (const r of routes) api.route(`${r.method} ${r.path}`, r.handler, { auth: r.auth ? jwt : undefined });
 * ```
 */
export const routes: readonly RouteDefinition[] = [
  { method: "GET", path: "/v1/health", handler: fn("health/get"), auth: false },
  { method: "GET", path: "/v1/openapi.json", handler: fn("openapi/get"), auth: false },

  { method: "GET", path: "/v1/players/me", handler: fn("players/getMe"), auth: true },
  { method: "PATCH", path: "/v1/players/me", handler: fn("players/patchMe"), auth: true },

  { method: "POST", path: "/v1/parties", handler: fn("parties/create"), auth: true },
  { method: "POST", path: "/v1/parties/join", handler: fn("parties/join"), auth: true },
  { method: "GET", path: "/v1/parties/{partyId}", handler: fn("parties/get"), auth: true },
  { method: "DELETE", path: "/v1/parties/{partyId}/members/me", handler: fn("parties/leave"), auth: true },

  { method: "POST", path: "/v1/matchmaking", handler: fn("matchmaking/start"), auth: true },
  { method: "GET", path: "/v1/matchmaking/current", handler: fn("matchmaking/current"), auth: true },
  { method: "GET", path: "/v1/matchmaking/{ticketId}", handler: fn("matchmaking/get"), auth: true },
  { method: "POST", path: "/v1/matchmaking/{ticketId}/accept", handler: fn("matchmaking/accept"), auth: true },
  { method: "DELETE", path: "/v1/matchmaking/{ticketId}", handler: fn("matchmaking/stop"), auth: true },

  { method: "POST", path: "/v1/placements", handler: fn("placements/start"), auth: true },
  { method: "GET", path: "/v1/placements/{placementId}", handler: fn("placements/get"), auth: true },
  { method: "DELETE", path: "/v1/placements/{placementId}", handler: fn("placements/stop"), auth: true },
];

/** SNS subscribers: the FlexMatch / placement event consumer. */
export const subscribers = { events: "packages/functions/src/events/consumer.handler" } as const;

/** Scheduled functions: the ticket/placement reconciler. */
export const schedules = { reconcile: "packages/functions/src/reconcile/schedule.handler" } as const;
