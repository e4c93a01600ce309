/**
 * Turns each handler's access (declared in packages/functions/src/routes.ts, keyed by handler in
 * infra/handlers.ts) into IAM statements for `sst.aws.Function` `permissions`.
 * Links carry names only (see table.ts, topics.ts), so these statements are all a function gets
 * beyond CloudWatch Logs.
 */
import { gameLift } from "./gameliftPlan.js";
import { CONNECTION_KEY_PREFIXES, handlerAccess, QUEUE_SCOPED_ACTIONS } from "./handlers.js";
import { table } from "./table.js";
import { eventsDeadLetter } from "./topics.js";

const TABLE_READ = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];
const TABLE_ITEM_WRITE = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:BatchWriteItem",
];
const TABLE_WRITE = [...TABLE_READ, ...TABLE_ITEM_WRITE];
const DEAD_LETTER_DRAIN = [
  "sqs:ReceiveMessage",
  "sqs:DeleteMessage",
  "sqs:ChangeMessageVisibility",
  "sqs:GetQueueAttributes",
];

/** Thrown when infra deploys a handler that routes.ts does not declare. */
class UnknownHandlerError extends Error {
  constructor(handler: string) {
    super(
      `No permissions declared for handler "${handler}": declare it with its access in packages/functions/src/routes.ts`,
    );
    this.name = "UnknownHandlerError";
  }
}

/** Thrown when a handler's access names a resource that its caller did not pass to {@link permissionsFor}. */
class MissingGrantTargetError extends Error {
  constructor(handler: string, target: keyof GrantTargets) {
    super(`Handler "${handler}" needs "${target}" to be granted its access: pass it to functionArgs()`);
    this.name = "MissingGrantTargetError";
  }
}

type Statement = NonNullable<sst.aws.FunctionArgs["permissions"]> extends $util.Input<(infer S)[]> ? S : never;

/**
 * Resources some handlers are granted access to that are created by the infra file deploying them
 * (passed in, so that file can import this one without a cycle).
 */
export interface GrantTargets {
  /** The realtime WebSocket API, for `connections` access. */
  readonly realtime?: sst.aws.ApiGatewayWebSocket;
  /** The MatchEvents topic, for `publishMatchEvents`. */
  readonly matchEvents?: sst.aws.SnsTopic;
}

/**
 * The one stage SST gives a WebSocket API (`sst.aws.ApiGatewayWebSocket` always deploys `$default`);
 * infra/test/realtime.test.ts checks the stage resource has this name.
 */
const REALTIME_STAGE = "$default";

/**
 * ARN pattern of the Management API calls on one WebSocket API's connections:
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/@connections/*`.
 */
function connectionsArn(api: sst.aws.ApiGatewayWebSocket, method: string): $util.Output<string> {
  return $interpolate`${api.nodes.api.executionArn}/${REALTIME_STAGE}/${method}/@connections/*`;
}

/** The IAM statements of one handler. */
export function permissionsFor(handler: string, targets: GrantTargets = {}): Statement[] {
  const access = handlerAccess[handler];
  if (!access) throw new UnknownHandlerError(handler);
  const statements: Statement[] = [];
  const tableResources = [table.arn, $interpolate`${table.arn}/index/*`];
  if (access.table === "write") statements.push({ actions: TABLE_WRITE, resources: tableResources });
  if (access.table === "read") statements.push({ actions: TABLE_READ, resources: tableResources });
  if (access.table === "connections") {
    statements.push({ actions: TABLE_READ, resources: tableResources });
    statements.push({
      actions: TABLE_ITEM_WRITE,
      resources: [table.arn],
      conditions: [
        {
          test: "ForAllValues:StringLike",
          variable: "dynamodb:LeadingKeys",
          values: CONNECTION_KEY_PREFIXES.map((p) => `${p}*`),
        },
      ],
    });
  }
  const scoped = access.gamelift.filter((a) => QUEUE_SCOPED_ACTIONS.has(a));
  const unscoped = access.gamelift.filter((a) => !QUEUE_SCOPED_ACTIONS.has(a));
  if (scoped.length > 0)
    statements.push({ actions: scoped.map((a) => `gamelift:${a}`), resources: gameLift.queueArns });
  if (unscoped.length > 0) statements.push({ actions: unscoped.map((a) => `gamelift:${a}`), resources: ["*"] });
  if (access.deadLetter) {
    statements.push({
      actions: access.deadLetter === "send" ? ["sqs:SendMessage"] : DEAD_LETTER_DRAIN,
      resources: [eventsDeadLetter.arn],
    });
  }
  if (access.connections && access.connections.length > 0) {
    const api = targets.realtime;
    if (!api) throw new MissingGrantTargetError(handler, "realtime");
    statements.push({
      actions: ["execute-api:ManageConnections"],
      resources: access.connections.map((m) => connectionsArn(api, m)),
    });
  }
  if (access.publishMatchEvents) {
    if (!targets.matchEvents) throw new MissingGrantTargetError(handler, "matchEvents");
    statements.push({ actions: ["sns:Publish"], resources: [targets.matchEvents.arn] });
  }
  return statements;
}
