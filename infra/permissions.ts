/**
 * Turns infra/handlers.ts's access map into IAM statements for `sst.aws.Function` `permissions`.
 * Links carry names only (see table.ts, topics.ts), so these statements are all a function gets
 * beyond CloudWatch Logs.
 */
import { gameLift } from "./gameliftPlan.js";
import { handlerAccess, QUEUE_SCOPED_ACTIONS, RATE_LIMIT_KEY_PREFIX } from "./handlers.js";
import { table } from "./table.js";
import { eventsDeadLetter } from "./topics.js";

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

/** Thrown when infra deploys a handler that infra/handlers.ts does not list. */
export class UnknownHandlerError extends Error {
  constructor(handler: string) {
    super(`No permissions declared for handler "${handler}": add it to handlerAccess in infra/handlers.ts`);
    this.name = "UnknownHandlerError";
  }
}

type Statement = NonNullable<sst.aws.FunctionArgs["permissions"]> extends $util.Input<(infer S)[]> ? S : never;

/** The IAM statements of one handler. */
export function permissionsFor(handler: string): Statement[] {
  const access = handlerAccess[handler];
  if (!access) throw new UnknownHandlerError(handler);
  const statements: Statement[] = [];
  const tableResources = [table.arn, $interpolate`${table.arn}/index/*`];
  if (access.table === "write") statements.push({ actions: TABLE_WRITE, resources: tableResources });
  if (access.table === "read") {
    statements.push({ actions: TABLE_READ, resources: tableResources });
    statements.push({
      actions: ["dynamodb:UpdateItem"],
      resources: [table.arn],
      conditions: [{ test: "ForAllValues:StringLike", variable: "dynamodb:LeadingKeys", values: [`${RATE_LIMIT_KEY_PREFIX}*`] }],
    });
  }
  const scoped = access.gamelift.filter((a) => QUEUE_SCOPED_ACTIONS.has(a));
  const unscoped = access.gamelift.filter((a) => !QUEUE_SCOPED_ACTIONS.has(a));
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
