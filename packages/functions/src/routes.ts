/**
 * The one table of everything matchplace deploys as a Lambda handler: plain data, read by infra/
 * (API Gateway HTTP and WebSocket APIs, the SNS subscriber, the schedule, each function's IAM
 * statements), by the local stage in `packages/local`, and by `@matchplace/client` (method, path and
 * auth of each operation). It imports nothing: handlers bundle it, infra and the client read it
 * (a dependency-cruiser rule keeps it so).
 *
 * Adding a route is one entry in {@link routes} (plus, for a player route, the operation's schemas
 * in `packages/client/src/operations.ts`, which the type checker demands).
 *
 * `handler` uses SST's handler string format: the repo-relative module path without extension, a dot,
 * and the named export (`packages/functions/src/health/get.handler`).
 */

/** An HTTP method as API Gateway HTTP APIs route it. */
export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/**
 * Who may call a route: `"jwt"` a player (JWT authorizer; the handler reads `claims.sub`), `"iam"` a
 * game server signing with SigV4 (API Gateway IAM authorization; the handler reads
 * `requestContext.authorizer.iam`), `false` anyone. A player's JWT never opens an IAM route and IAM
 * credentials never open a JWT route.
 */
export type RouteAuth = "jwt" | "iam" | false;

/**
 * How a handler uses the table:
 * - `read`: get / query only (a polled route writes nothing: its per-player limit is in memory);
 * - `connections`: get / query any item, and write only the partitions of WebSocket connection
 *   records (`PLAYER#`, `CONN#`: infra/handlers.ts `CONNECTION_KEY_PREFIXES`, an IAM condition);
 * - `write`: read and write any item.
 */
export type TableAccess = "none" | "read" | "connections" | "write";

/** The GameLift actions matchplace calls. Never `gamelift:*`. */
export type GameLiftAction =
  | "StartMatchmaking"
  | "StopMatchmaking"
  | "DescribeMatchmaking"
  | "DescribeMatchmakingConfigurations"
  | "AcceptMatch"
  | "StartGameSessionPlacement"
  | "StopGameSessionPlacement"
  | "DescribeGameSessionPlacement";

/** API Gateway Management API calls on the realtime WebSocket API (`execute-api:ManageConnections`). */
export type ConnectionMethod = "POST" | "GET" | "DELETE";

/** What one handler may do: infra/permissions.ts turns it into the function's IAM statements. */
export interface HandlerAccess {
  readonly table: TableAccess;
  /** GameLift API actions, without the `gamelift:` prefix. */
  readonly gamelift: readonly GameLiftAction[];
  /** The events dead-letter queue: `send` failed events to it (on-failure destination), or `drain` it. */
  readonly deadLetter?: "send" | "drain";
  /**
   * Management API methods on the realtime API's `@connections/*`: `POST` (PostToConnection),
   * `GET` (GetConnection), `DELETE` (DeleteConnection).
   */
  readonly connections?: readonly ConnectionMethod[];
  /** `sns:Publish` on the MatchEvents topic (infra also links the topic to the function). */
  readonly publishMatchEvents?: boolean;
  /** Linked to the matchmaking catalog (`Catalog`, infra/catalog.ts): it names configurations or queues. */
  readonly catalog?: boolean;
}

/** One Lambda handler infra deploys, and what it may touch. */
export interface HandlerDefinition {
  /** SST handler string: `packages/functions/src/<module>.<export>`. */
  readonly handler: string;
  /** Its permissions (least privilege: only what its code calls). */
  readonly access: HandlerAccess;
}

/** One API Gateway route bound to one Lambda handler. */
export interface RouteDefinition extends HandlerDefinition {
  /**
   * Unique name of the operation. A player route's (`auth` not `"iam"`) is the key of its operation in
   * `@matchplace/client` (`operations`, and the OpenAPI document's `operationId`).
   */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: RouteMethod;
  /** Path in API Gateway syntax, with `{name}` path parameters, e.g. `/v1/matchmaking/{ticketId}`. */
  readonly path: string;
  /** Who may call the route (see {@link RouteAuth}). */
  readonly auth: RouteAuth;
}

/** Marked side-effect free, so a bundle that reads one export of this file drops the unused tables. */
/* @__NO_SIDE_EFFECTS__ */
const fn = (module: string): string => `packages/functions/src/${module}.handler`;

/** Path prefix of the game-server routes (IAM-authorised; the fleet role policy names it). */
export const SERVER_ROUTE_PREFIX = "/v1/server/";

/**
 * Every route of the player API and the game-server API. Player and public routes (`auth` `"jwt"` or
 * `false`) are `@matchplace/client`'s operations, one each by `operationId`; game-server routes
 * (`auth: "iam"`) are not: game servers sign with SigV4 and are no client of the player API.
 *
 * @example
 * ```ts
 * for (const r of routes) api.route(`${r.method} ${r.path}`, r.handler, { auth: r.auth === "iam" ? { iam: true } : r.auth ? jwt : undefined });
 * ```
 */
export const routes = [
  {
    operationId: "getHealth",
    method: "GET",
    path: "/v1/health",
    handler: fn("health/get"),
    auth: false,
    // Checks its dependencies: one GetItem, one DescribeMatchmakingConfigurations.
    access: { table: "read", gamelift: ["DescribeMatchmakingConfigurations"] },
  },
  {
    operationId: "getOpenApi",
    method: "GET",
    path: "/v1/openapi.json",
    handler: fn("openapi/get"),
    auth: false,
    access: { table: "none", gamelift: [], catalog: true },
  },

  {
    operationId: "getMe",
    method: "GET",
    path: "/v1/players/me",
    handler: fn("players/getMe"),
    auth: "jwt",
    // Reads the profile only (a player never seen gets the defaults; the first write stores it).
    access: { table: "read", gamelift: [] },
  },
  {
    operationId: "updateMe",
    method: "PATCH",
    path: "/v1/players/me",
    handler: fn("players/patchMe"),
    auth: "jwt",
    access: { table: "write", gamelift: [], catalog: true },
  },

  {
    operationId: "createParty",
    method: "POST",
    path: "/v1/parties",
    handler: fn("parties/create"),
    auth: "jwt",
    access: { table: "write", gamelift: [] },
  },
  {
    operationId: "joinParty",
    method: "POST",
    path: "/v1/parties/join",
    handler: fn("parties/join"),
    auth: "jwt",
    access: { table: "write", gamelift: [] },
  },
  {
    operationId: "getParty",
    method: "GET",
    path: "/v1/parties/{partyId}",
    handler: fn("parties/get"),
    auth: "jwt",
    access: { table: "read", gamelift: [] },
  },
  {
    operationId: "leaveParty",
    method: "DELETE",
    path: "/v1/parties/{partyId}/members/me",
    handler: fn("parties/leave"),
    auth: "jwt",
    access: { table: "write", gamelift: [] },
  },

  {
    operationId: "startMatchmaking",
    method: "POST",
    path: "/v1/matchmaking",
    handler: fn("matchmaking/start"),
    auth: "jwt",
    access: { table: "write", gamelift: ["StartMatchmaking"], catalog: true },
  },
  {
    operationId: "getCurrentTicket",
    method: "GET",
    path: "/v1/matchmaking/current",
    handler: fn("matchmaking/current"),
    auth: "jwt",
    access: { table: "read", gamelift: [] },
  },
  {
    operationId: "getTicket",
    method: "GET",
    path: "/v1/matchmaking/{ticketId}",
    handler: fn("matchmaking/get"),
    auth: "jwt",
    access: { table: "read", gamelift: [] },
  },
  {
    operationId: "acceptMatch",
    method: "POST",
    path: "/v1/matchmaking/{ticketId}/accept",
    handler: fn("matchmaking/accept"),
    auth: "jwt",
    access: { table: "write", gamelift: ["AcceptMatch"] },
  },
  {
    operationId: "stopMatchmaking",
    method: "DELETE",
    path: "/v1/matchmaking/{ticketId}",
    handler: fn("matchmaking/stop"),
    auth: "jwt",
    access: { table: "write", gamelift: ["StopMatchmaking"] },
  },

  {
    operationId: "startPlacement",
    method: "POST",
    path: "/v1/placements",
    handler: fn("placements/start"),
    auth: "jwt",
    access: { table: "write", gamelift: ["StartGameSessionPlacement"], catalog: true },
  },
  {
    operationId: "getPlacement",
    method: "GET",
    path: "/v1/placements/{placementId}",
    handler: fn("placements/get"),
    auth: "jwt",
    access: { table: "read", gamelift: [] },
  },
  {
    operationId: "stopPlacement",
    method: "DELETE",
    path: "/v1/placements/{placementId}",
    handler: fn("placements/stop"),
    auth: "jwt",
    access: { table: "write", gamelift: ["StopGameSessionPlacement"] },
  },

  // Game servers (SigV4 with the fleet role's credentials). {gameSessionId}: the ARN URL-encoded, or its last segment.
  {
    operationId: "reportMatchResult",
    method: "POST",
    path: "/v1/server/game-sessions/{gameSessionId}/results",
    handler: fn("server/results"),
    auth: "iam",
    // The result transaction (result item + ratings), then MatchEvents.
    access: { table: "write", gamelift: [], publishMatchEvents: true },
  },
  {
    operationId: "endGameSession",
    method: "POST",
    path: "/v1/server/game-sessions/{gameSessionId}/end",
    handler: fn("server/end"),
    auth: "iam",
    // Releases the players' activeTicketId.
    access: { table: "write", gamelift: [] },
  },
] as const satisfies readonly RouteDefinition[];

/** Response header set on a replayed idempotent write (the first response, stored). */
export const IDEMPOTENT_REPLAY_HEADER = "idempotent-replayed";

/**
 * CORS of the player API: one definition, applied by API Gateway (`infra/api.ts`) and by the local
 * gateway (`packages/local`), so a browser (WebGL) client behaves the same on both. Allowed origins
 * are per stage (`MATCHPLACE_CORS_ORIGINS` on AWS, `*` locally); everything else is here.
 */
export const cors = {
  /** Request headers a browser may send: auth, JSON bodies, idempotent writes, conditional polls, SigV4. */
  allowHeaders: [
    "authorization",
    "content-type",
    "idempotency-key",
    "if-none-match",
    "x-amz-date",
    "x-amz-content-sha256",
    "x-amz-security-token",
  ],
  allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
  /** Response headers a browser may read: the poll's ETag and hints, throttling's Retry-After, the replay marker. */
  exposeHeaders: ["etag", "retry-after", "x-retry-after-ms", IDEMPOTENT_REPLAY_HEADER, "location"],
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds: 3600,
} as const;

/**
 * Limits of the polled GET routes (`method: "GET"` with `auth: "jwt"`), which write nothing:
 * - `perPlayer`: each handler instance counts a player's reads in memory (best-effort: instances
 *   count separately and forget on a cold start) and answers 429 `RATE_LIMITED` + `Retry-After`;
 * - `route`: API Gateway's route throttling on each polled route (AWS; requests/s and burst, shared
 *   by all callers) — the hard ceiling, answered with 429 by API Gateway itself.
 * Writes keep the DynamoDB-backed per-player limit and idempotency.
 */
export const pollLimits = {
  perPlayer: { limit: 120, windowMs: 10_000 },
  route: { rateLimit: 500, burstLimit: 1000 },
} as const;

/** Whether a route is a polled read (throttled per route by API Gateway, limited in memory per player). */
export function isPollRoute(route: RouteDefinition): boolean {
  return route.method === "GET" && route.auth === "jwt";
}

/** SNS subscribers: the FlexMatch / placement event consumer (failed events go to the dead-letter queue). */
export const subscribers = {
  events: { handler: fn("events/consumer"), access: { table: "write", gamelift: [], deadLetter: "send" } },
} as const satisfies Record<string, HandlerDefinition>;

/** Scheduled functions: the ticket/placement reconciler. */
export const schedules = {
  reconcile: {
    handler: fn("reconcile/schedule"),
    access: {
      table: "write",
      gamelift: ["DescribeMatchmaking", "DescribeGameSessionPlacement", "DescribeMatchmakingConfigurations"],
    },
  },
} as const satisfies Record<string, HandlerDefinition>;

/** Functions invoked by hand: the events dead-letter queue's redrive (`aws lambda invoke`). */
export const invoked = {
  redrive: { handler: fn("dlq/redrive"), access: { table: "write", gamelift: [], deadLetter: "drain" } },
} as const satisfies Record<string, HandlerDefinition>;

/**
 * An event filter pattern as Lambda event source mappings take it (`FilterCriteria.Filters[].Pattern`,
 * EventBridge pattern syntax over the stream record): exact values, `{ prefix }`, `{ exists }`.
 */
export type StreamFilterPattern = Readonly<Record<string, unknown>>;

/** The item kinds whose changes players hear about (partition-key prefixes of the single table). */
export const PUSHED_ITEM_PREFIXES = ["TICKET#", "PLACEMENT#", "PARTY#"] as const;

/**
 * The realtime channel: an API Gateway WebSocket API plus the DynamoDB Streams dispatcher that feeds
 * it. Plain data read by `infra/realtime.ts` (AWS) and by the local stage's WebSocket gateway and
 * stream poller, so both behave the same (routes, identity source, filters, limits).
 */
export const realtime = {
  /** SST component name; handlers read `Resource.Realtime.managementEndpoint`. */
  name: "Realtime",
  /** Route selection: every client message goes to `$default` (its `action` field selects the behaviour). */
  routeSelectionExpression: "$request.body.action",
  /** Lambda REQUEST authorizer on `$connect`; browsers cannot set headers, so the token is a query parameter. */
  authorizer: {
    handler: fn("realtime/authorize"),
    /** Verifies the token only: no table, no API. */
    access: { table: "none", gamelift: [] } satisfies HandlerAccess,
    /** API Gateway identity source; a request without it is refused with 401 before the authorizer runs. */
    identitySource: "route.request.querystring.token",
    /** The query parameter named by {@link realtime.authorizer.identitySource}. */
    queryParameter: "token",
  },
  routes: {
    $connect: {
      handler: fn("realtime/connect"),
      access: { table: "connections", gamelift: [] },
    } satisfies HandlerDefinition,
    $disconnect: {
      handler: fn("realtime/disconnect"),
      access: { table: "connections", gamelift: [] },
    } satisfies HandlerDefinition,
    /** Reads what a player asks for (ticket, placement, party) and posts its reply to the caller. */
    $default: {
      handler: fn("realtime/message"),
      access: { table: "connections", gamelift: [], connections: ["POST"] },
    } satisfies HandlerDefinition,
  },
  /** The table-stream consumer that posts changes to connections and publishes MatchEvents. */
  dispatcher: {
    handler: fn("realtime/dispatch"),
    /** Posts changes to connections, forgets the gone ones (410), publishes MatchEvents. */
    access: {
      table: "connections",
      gamelift: [],
      connections: ["POST"],
      publishMatchEvents: true,
    } satisfies HandlerAccess,
    /** NEW_AND_OLD_IMAGES: the dispatcher diffs what each player sees before and after. */
    streamView: "new-and-old-images",
    batchSize: 100,
    /** Records of one shard reach the dispatcher in order; a failed record is retried this often. */
    maxRetryAttempts: 5,
    /**
     * Only writes to pushed item kinds reach the dispatcher: no REMOVE (TTL expiry), no connection,
     * profile, rate-limit or idempotency items. Whether what a player sees changed is decided by the
     * dispatcher (a filter cannot compare the old image with the new one).
     */
    filters: /* @__PURE__ */ PUSHED_ITEM_PREFIXES.map(
      (prefix): StreamFilterPattern => ({
        eventName: ["INSERT", "MODIFY"],
        dynamodb: { Keys: { pk: { S: [{ prefix }] } } },
      }),
    ),
  },
  /**
   * API Gateway's WebSocket limits, enforced by the local gateway too. Plain literals: esbuild keeps
   * a top-level object holding arithmetic (`128 * 1024`) in every bundle that imports this module.
   */
  limits: {
    /** Largest message in either direction (128 KB). */
    maxMessageBytes: 131_072,
    /** A connection with no traffic for this long (10 min) is closed. */
    idleTimeoutMs: 600_000,
    /** No connection lives longer than this (2 h). */
    maxConnectionMs: 7_200_000,
  },
} as const;
