/**
 * The realtime channel (packages/functions/src/routes.ts, `realtime`): an API Gateway WebSocket API
 * whose `$connect` a Lambda REQUEST authorizer guards, the table-stream dispatcher that pushes
 * changes to connected players, and the `MatchEvents` topic it publishes transitions to for a
 * studio's own workflows. Everything structural (routes, identity source, stream view, batch,
 * retries, filters) is read from `realtime`, which the local stage reads too.
 */
import { realtime } from "@matchplace/functions/routes";
import { jwtAudiences, jwtIssuer, userPool, userPoolClient } from "./auth.js";
import { config } from "./config.js";
import { functionArgs } from "./functions.js";
import { table } from "./table.js";

// Links carry names only: `Resource.Realtime.url` / `.managementEndpoint`. SST's default link
// also grants ManageConnections on every stage and method; infra/permissions.ts grants exactly
// the methods a handler uses instead.
sst.Linkable.wrap(sst.aws.ApiGatewayWebSocket, (resource) => ({
  properties: { url: resource.url, managementEndpoint: resource.managementEndpoint },
}));

/**
 * Outbound match events (`@matchplace/client` `matchEvent`): one message per visible transition,
 * with message attributes `type` and `configurationName` / `queueName` for subscription filters.
 * Standard, not FIFO: a studio may subscribe Lambda, SQS, HTTPS or Step Functions (via EventBridge
 * Pipes) alike, and subscribers deduplicate on the message's `id`.
 */
export const matchEvents = new sst.aws.SnsTopic("MatchEvents");

/** The WebSocket API players connect to: `wss://…?token=<JWT>`. */
export const realtimeApi = new sst.aws.ApiGatewayWebSocket(realtime.name, {
  accessLog: { retention: "1 month" },
  transform: {
    api: (args) => {
      args.routeSelectionExpression = realtime.routeSelectionExpression;
    },
    stage: (args) => {
      args.defaultRouteSettings = {
        throttlingRateLimit: config.throttleRate,
        throttlingBurstLimit: config.throttleBurst,
      };
    },
  },
});

const grants = { realtime: realtimeApi, matchEvents };

/**
 * What the authorizer verifies tokens against: the same issuer and audiences as the HTTP API's JWT
 * authorizer (infra/auth.ts). Read by packages/functions/src/realtime/authorize.ts.
 */
const authorizerEnvironment: Record<string, $util.Input<string>> = {
  MATCHPLACE_JWT_ISSUER: jwtIssuer,
  MATCHPLACE_JWT_AUDIENCE: $util.all(jwtAudiences).apply((audiences) => audiences.join(",")),
  ...(userPool && userPoolClient
    ? { MATCHPLACE_COGNITO_USER_POOL_ID: userPool.id, MATCHPLACE_COGNITO_CLIENT_ID: userPoolClient.id }
    : {}),
};

/**
 * Lambda REQUEST authorizer on `$connect` (WebSocket APIs have no JWT authorizer). API Gateway
 * refuses a handshake without the identity source with 401 before invoking it.
 */
const realtimeAuthorizer = realtimeApi.addAuthorizer("Token", {
  lambda: {
    function: functionArgs(realtime.authorizer.handler, { environment: authorizerEnvironment }),
    identitySources: [realtime.authorizer.identitySource],
  },
});

realtimeApi.route("$connect", functionArgs(realtime.routes.$connect.handler, {}, grants), {
  auth: { lambda: realtimeAuthorizer.id },
});
realtimeApi.route("$disconnect", functionArgs(realtime.routes.$disconnect.handler, {}, grants));
realtimeApi.route("$default", functionArgs(realtime.routes.$default.handler, { link: [realtimeApi] }, grants));

/**
 * The dispatcher: reads the table's stream (only writes to pushed item kinds pass the filters),
 * posts what changed to each affected player's connections and publishes MatchEvents. A failed
 * record is reported alone (ReportBatchItemFailures) and retried; a failing batch is bisected so
 * one poison record cannot hold back its shard beyond its retries.
 */
table.subscribe(
  "RealtimeDispatcher",
  functionArgs(realtime.dispatcher.handler, { timeout: "30 seconds", link: [realtimeApi, matchEvents] }, grants),
  {
    filters: realtime.dispatcher.filters.map((filter) => ({ ...filter })),
    transform: {
      eventSourceMapping: (args) => {
        args.batchSize = realtime.dispatcher.batchSize;
        args.maximumRetryAttempts = realtime.dispatcher.maxRetryAttempts;
        args.functionResponseTypes = ["ReportBatchItemFailures"];
        args.bisectBatchOnFunctionError = true;
        args.startingPosition = "LATEST";
      },
    },
  },
);
