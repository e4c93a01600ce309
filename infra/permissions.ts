/**
 * Least privilege per handler: which table access and which GameLift actions each function uses.
 * routes.ts carries no permission data, so this map, keyed by handler string, is the one place to
 * grant them; infra/test/permissions.test.ts fails when a handler is missing from it.
 */
import { gameLift } from "./gameliftPlan.js";
import { eventsDeadLetter } from "./topics.js";
import { table } from "./table.js";

/** How a handler uses the table. */
export type TableAccess = "none" | "read" | "write";

/** What one handler may do. */
export interface HandlerAccess {
  readonly table: TableAccess;
  /** GameLift API actions, without the `gamelift:` prefix. */
  readonly gamelift: readonly GameLiftAction[];
  /** The events dead-letter queue: `send` failed events to it, or `drain` it. */
  readonly deadLetter?: "send" | "drain";
}

/** The GameLift actions matchplace calls. Never `gamelift:*`. */
export type GameLiftAction =
  | "StartMatchmaking"
  | "StopMatchmaking"
  | "DescribeMatchmaking"
  | "AcceptMatch"
  | "StartGameSessionPlacement"
  | "StopGameSessionPlacement"
  | "DescribeGameSessionPlacement";

/**
 * Only StartGameSessionPlacement takes a resource ARN (the queue). The service authorization
 * reference lists no resource type for the matchmaking and the other placement actions, so IAM
 * only matches them on "*": naming a configuration ARN there would deny every call.
 */
const QUEUE_SCOPED: ReadonlySet<GameLiftAction> = new Set(["StartGameSessionPlacement"]);

const TABLE_READ = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];
const TABLE_WRITE = [
  ...TABLE_READ,
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:BatchWriteItem",
];

const DEAD_LETTER_DRAIN = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"];

const fn = (module: string): string => `packages/functions/src/${module}.handler`;

/** Access of every handler that infra deploys (routes, subscriber, schedule, redrive). */
export const handlerAccess: Readonly<Record<string, HandlerAccess>> = {
  [fn("health/get")]: { table: "none", gamelift: [] },
  [fn("openapi/get")]: { table: "none", gamelift: [] },
  [fn("players/getMe")]: { table: "read", gamelift: [] },
  [fn("players/patchMe")]: { table: "write", gamelift: [] },
  [fn("parties/create")]: { table: "write", gamelift: [] },
  [fn("parties/join")]: { table: "write", gamelift: [] },
  [fn("parties/get")]: { table: "read", gamelift: [] },
  [fn("parties/leave")]: { table: "write", gamelift: [] },
  [fn("matchmaking/start")]: { table: "write", gamelift: ["StartMatchmaking"] },
  [fn("matchmaking/current")]: { table: "read", gamelift: [] },
  [fn("matchmaking/get")]: { table: "read", gamelift: [] },
  [fn("matchmaking/accept")]: { table: "write", gamelift: ["AcceptMatch"] },
  [fn("matchmaking/stop")]: { table: "write", gamelift: ["StopMatchmaking"] },
  [fn("placements/start")]: { table: "write", gamelift: ["StartGameSessionPlacement"] },
  [fn("placements/get")]: { table: "read", gamelift: [] },
  [fn("placements/stop")]: { table: "write", gamelift: ["StopGameSessionPlacement"] },
  [fn("events/consumer")]: { table: "write", gamelift: [], deadLetter: "send" },
  [fn("reconcile/schedule")]: { table: "write", gamelift: ["DescribeMatchmaking", "DescribeGameSessionPlacement"] },
  [fn("dlq/redrive")]: { table: "write", gamelift: [], deadLetter: "drain" },
};

/** Thrown when infra deploys a handler that {@link handlerAccess} does not list. */
export class UnknownHandlerError extends Error {
  constructor(handler: string) {
    super(`No permissions declared for handler "${handler}": add it to handlerAccess in infra/permissions.ts`);
    this.name = "UnknownHandlerError";
  }
}

/** The IAM statements of one handler, in `sst.aws.Function` `permissions` form. */
export function permissionsFor(handler: string): sst.aws.FunctionArgs["permissions"] {
  const access = handlerAccess[handler];
  if (!access) throw new UnknownHandlerError(handler);
  const statements: { actions: string[]; resources: $util.Input<$util.Input<string>[]> }[] = [];
  if (access.table !== "none") {
    statements.push({
      actions: access.table === "read" ? TABLE_READ : TABLE_WRITE,
      resources: [table.arn, $interpolate`${table.arn}/index/*`],
    });
  }
  const scoped = access.gamelift.filter((a) => QUEUE_SCOPED.has(a));
  const unscoped = access.gamelift.filter((a) => !QUEUE_SCOPED.has(a));
  if (scoped.length > 0) statements.push({ actions: scoped.map((a) => `gamelift:${a}`), resources: gameLift.queueArns });
  if (unscoped.length > 0) statements.push({ actions: unscoped.map((a) => `gamelift:${a}`), resources: ["*"] });
  if (access.deadLetter) {
    statements.push({
      actions: access.deadLetter === "send" ? ["sqs:SendMessage"] : DEAD_LETTER_DRAIN,
      resources: [eventsDeadLetter.arn],
    });
  }
  return statements;
}
