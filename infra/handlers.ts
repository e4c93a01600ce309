/**
 * Every Lambda handler infra deploys, and what each may touch: plain data, no SST globals, so
 * tests can read it without running the program. routes.ts carries no permission data, so this
 * map, keyed by handler string, is the one place to grant them; infra/test/handlers.test.ts fails
 * when a deployed handler is missing from it (or a key here is deployed by nothing).
 */
import { realtime, routes, schedules, subscribers } from "@matchplace/functions/routes";

/** Handler of the DLQ redrive function (invoked by hand: `aws lambda invoke`). */
export const REDRIVE_HANDLER = "packages/functions/src/dlq/redrive.handler";

/** The realtime channel's handlers: the `$connect` authorizer, the three WebSocket routes, the stream dispatcher. */
export function realtimeHandlers(): string[] {
  return [realtime.authorizer.handler, ...Object.values(realtime.routes), realtime.dispatcher.handler];
}

/**
 * Every handler string infra deploys: the routes, the event consumer, the schedule, the redrive and
 * the realtime channel.
 */
export function deployedHandlers(): string[] {
  return [
    ...new Set([
      ...routes.map((r) => r.handler),
      subscribers.events,
      schedules.reconcile,
      REDRIVE_HANDLER,
      ...realtimeHandlers(),
    ]),
  ];
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
 * How a handler uses the table:
 * - `read`: get / query only (a polled route writes nothing: its per-player limit is in memory);
 * - `connections`: get / query any item, and write only the partitions of WebSocket connection
 *   records ({@link CONNECTION_KEY_PREFIXES}, by the same kind of condition);
 * - `write`: read and write any item.
 */
type TableAccess = "none" | "read" | "connections" | "write";

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

/** API Gateway Management API calls on the realtime WebSocket API (`execute-api:ManageConnections`). */
type ConnectionMethod = "POST" | "GET" | "DELETE";

/** What one handler may do. */
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
  /** `sns:Publish` on the MatchEvents topic. */
  readonly publishMatchEvents?: boolean;
  /** Linked to the matchmaking catalog (`Catalog`, infra/catalog.ts): it names configurations or queues. */
  readonly catalog?: boolean;
}

const fn = (module: string): string => `packages/functions/src/${module}.handler`;

/** Access of every deployed handler. */
export const handlerAccess: Readonly<Record<string, HandlerAccess>> = {
  // Checks its dependencies: one GetItem, one DescribeMatchmakingConfigurations.
  [fn("health/get")]: { table: "read", gamelift: ["DescribeMatchmakingConfigurations"] },
  // Serves the document of the linked catalog's request schemas.
  [fn("openapi/get")]: { table: "none", gamelift: [], catalog: true },
  // Reads the profile only (a player never seen gets the defaults; the first write stores it).
  [fn("players/getMe")]: { table: "read", gamelift: [] },
  [fn("players/patchMe")]: { table: "write", gamelift: [], catalog: true },
  [fn("parties/create")]: { table: "write", gamelift: [] },
  [fn("parties/join")]: { table: "write", gamelift: [] },
  [fn("parties/get")]: { table: "read", gamelift: [] },
  [fn("parties/leave")]: { table: "write", gamelift: [] },
  [fn("matchmaking/start")]: { table: "write", gamelift: ["StartMatchmaking"], catalog: true },
  [fn("matchmaking/current")]: { table: "read", gamelift: [] },
  [fn("matchmaking/get")]: { table: "read", gamelift: [] },
  [fn("matchmaking/accept")]: { table: "write", gamelift: ["AcceptMatch"] },
  [fn("matchmaking/stop")]: { table: "write", gamelift: ["StopMatchmaking"] },
  [fn("placements/start")]: { table: "write", gamelift: ["StartGameSessionPlacement"], catalog: true },
  [fn("placements/get")]: { table: "read", gamelift: [] },
  [fn("placements/stop")]: { table: "write", gamelift: ["StopGameSessionPlacement"] },
  // Game servers (IAM-authorised): the result transaction (result item + ratings), then MatchEvents.
  [fn("server/results")]: { table: "write", gamelift: [], publishMatchEvents: true },
  // Releases the players' activeTicketId.
  [fn("server/end")]: { table: "write", gamelift: [] },
  [subscribers.events]: { table: "write", gamelift: [], deadLetter: "send" },
  [schedules.reconcile]: {
    table: "write",
    gamelift: ["DescribeMatchmaking", "DescribeGameSessionPlacement", "DescribeMatchmakingConfigurations"],
  },
  [REDRIVE_HANDLER]: { table: "write", gamelift: [], deadLetter: "drain" },
  // Verifies the token only: no table, no API.
  [realtime.authorizer.handler]: { table: "none", gamelift: [] },
  [realtime.routes.$connect]: { table: "connections", gamelift: [] },
  [realtime.routes.$disconnect]: { table: "connections", gamelift: [] },
  // Reads what a player asks for (ticket, placement, party) and posts its reply to the caller.
  [realtime.routes.$default]: { table: "connections", gamelift: [], connections: ["POST"] },
  // Posts changes to connections, forgets the gone ones (410), publishes MatchEvents.
  [realtime.dispatcher.handler]: {
    table: "connections",
    gamelift: [],
    connections: ["POST"],
    publishMatchEvents: true,
  },
};
