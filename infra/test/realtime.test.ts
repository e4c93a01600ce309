/**
 * The realtime channel of a development stage (infra/realtime.ts), run once under Pulumi mocks: the
 * WebSocket API and its routes, the `$connect` authorizer, the table stream and its dispatcher, the
 * MatchEvents topic, and least privilege for each of them. Handler modules that are not written yet
 * are built from stand-ins (handlers.test.ts fails for those), so this checks the infra on its own.
 */
import { realtime } from "@matchplace/functions/routes";
import { beforeAll, describe, expect, it } from "vitest";
import { CONNECTION_KEY_PREFIXES, realtimeHandlers } from "../handlers.js";
import { ACCOUNT, REGION } from "./harness/mocks.js";
import { lambdaOf, roleStatements, type IamStatement } from "./harness/query.js";
import { runInfra, type InfraRun } from "./harness/runInfra.js";
import { iamSuite } from "./suites/iam.js";

let run: InfraRun;

beforeAll(async () => {
  run = await runInfra({ stage: "ci", stubMissingHandlers: true });
}, 120_000);

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";
const ROUTE_IDS = {
  $connect: "RealtimeRouteConnect",
  $disconnect: "RealtimeRouteDisconnect",
  $default: "RealtimeRouteDefault",
} as const;
const AUTHORIZER_ID = "RealtimeAuthorizerToken";
const DISPATCHER_ID = "TableSubscriberRealtimeDispatcherFunction";

const realtimeApi = () => run.get(API, "RealtimeApi");
const mapping = () =>
  run.get("aws:lambda/eventSourceMapping:EventSourceMapping", "TableSubscriberRealtimeDispatcherEventSourceMapping");
const table = () => run.get("aws:dynamodb/table:Table", "TableTable");
const matchEventsArn = () => run.get("aws:sns/topic:Topic", "MatchEventsTopic").state.arn as string;
const connections = (method: string) =>
  `${realtimeApi().state.executionArn as string}/$default/${method}/@connections/*`;
const statementsWith = (functionId: string, prefix: string): IamStatement[] =>
  roleStatements(run, functionId).filter((s) => s.Action.some((a) => a.startsWith(prefix)));

/**
 * Whether an event source mapping filter pattern matches a stream record, for the subset of
 * EventBridge pattern syntax routes.ts uses: arrays of exact values or `{ prefix }`, nested objects.
 */
function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) {
    return pattern.some((p) =>
      p !== null && typeof p === "object"
        ? typeof value === "string" && value.startsWith((p as { prefix: string }).prefix)
        : p === value,
    );
  }
  if (pattern === null || typeof pattern !== "object") return false;
  if (value === null || typeof value !== "object") return false;
  return Object.entries(pattern).every(([k, p]) => matches(p, (value as Record<string, unknown>)[k]));
}

describe("program", () => {
  it("runs without errors, building stand-ins only for realtime handlers not written yet", () => {
    expect(run.errors).toEqual([]);
    const stubbed = run.builds.filter((b) => b.stub).map((b) => b.handler);
    expect(stubbed.filter((h) => !realtimeHandlers().includes(h))).toEqual([]);
  });

  it("outputs the WebSocket URL and the MatchEvents topic ARN", () => {
    expect(run.outputs).toMatchObject({
      realtimeUrl: `wss://RealtimeApi-id.execute-api.${REGION}.amazonaws.com/$default`,
      matchEventsTopicArn: matchEventsArn(),
    });
    expect(matchEventsArn()).toMatch(/^arn:aws:sns:/);
  });
});

describe("WebSocket API", () => {
  it("is a WebSocket API selecting routes by the expression of routes.ts, on SST's $default stage", () => {
    expect(realtimeApi().inputs).toMatchObject({
      protocolType: "WEBSOCKET",
      routeSelectionExpression: realtime.routeSelectionExpression,
    });
    const stage = run.get("aws:apigatewayv2/stage:Stage", "RealtimeStage");
    expect(stage.inputs).toMatchObject({ apiId: realtimeApi().state.id, name: "$default", autoDeploy: true });
    expect(stage.inputs.defaultRouteSettings).toEqual({ throttlingRateLimit: 100, throttlingBurstLimit: 200 });
  });

  it("routes $connect, $disconnect and $default (and nothing else) to functions built from the handlers of routes.ts", () => {
    const routes = run.ofType(ROUTE).filter((r) => r.inputs.apiId === realtimeApi().state.id);
    expect(routes.map((r) => r.inputs.routeKey).sort()).toEqual(Object.keys(realtime.routes).sort());
    for (const [routeKey, { handler }] of Object.entries(realtime.routes)) {
      const id = ROUTE_IDS[routeKey as keyof typeof ROUTE_IDS];
      const route = run.get(ROUTE, `${id}Route`);
      const integration = run.get("aws:apigatewayv2/integration:Integration", `${id}Integration`);
      const fn = lambdaOf(run, `${id}Handler`);
      expect(route.inputs).toMatchObject({ routeKey, target: `integrations/${integration.state.id}` });
      expect(integration.inputs).toMatchObject({ integrationType: "AWS_PROXY", apiId: realtimeApi().state.id });
      expect(integration.inputs.integrationUri).toContain(fn.state.arn);
      expect(fn.inputs.handler).toBe(handler);
      expect(fn.inputs.runtime).toBe("nodejs22.x");
    }
  });

  it("guards $connect (only) with a Lambda REQUEST authorizer on the token query parameter", () => {
    const authorizer = run.get("aws:apigatewayv2/authorizer:Authorizer", `${AUTHORIZER_ID}Authorizer`);
    const fn = lambdaOf(run, `${AUTHORIZER_ID}Handler`);
    expect(authorizer.inputs).toMatchObject({
      apiId: realtimeApi().state.id,
      authorizerType: "REQUEST",
      identitySources: [realtime.authorizer.identitySource],
    });
    expect(realtime.authorizer.identitySource).toBe(`route.request.querystring.${realtime.authorizer.queryParameter}`);
    expect(authorizer.inputs.authorizerUri).toContain(fn.state.arn);
    expect(fn.inputs.handler).toBe(realtime.authorizer.handler);
    expect(run.get(ROUTE, `${ROUTE_IDS.$connect}Route`).inputs).toMatchObject({
      authorizationType: "CUSTOM",
      authorizerId: authorizer.state.id,
    });
    expect(run.get(ROUTE, `${ROUTE_IDS.$disconnect}Route`).inputs.authorizationType).toBe("NONE");
    expect(run.get(ROUTE, `${ROUTE_IDS.$default}Route`).inputs.authorizationType).toBe("NONE");
    const permission = run.get("aws:lambda/permission:Permission", `${AUTHORIZER_ID}Permission`);
    expect(permission.inputs).toMatchObject({ principal: "apigateway.amazonaws.com", function: fn.state.arn });
    expect(permission.inputs.sourceArn).toBe(
      `${realtimeApi().state.executionArn as string}/authorizers/${authorizer.state.id}`,
    );
  });

  it("hands the authorizer the issuer and audience the HTTP API trusts (the stack's Cognito pool and client)", () => {
    const http = run.get("aws:apigatewayv2/authorizer:Authorizer", "ApiAuthorizerJwtAuthorizer").inputs
      .jwtConfiguration;
    const pool = run.get("aws:cognito/userPool:UserPool", "PlayersUserPool").state.id as string;
    const client = run.ofType("aws:cognito/userPoolClient:UserPoolClient")[0]!.state.id as string;
    expect(lambdaOf(run, `${AUTHORIZER_ID}Handler`).inputs.environment.variables).toMatchObject({
      MATCHPLACE_JWT_ISSUER: http.issuer,
      MATCHPLACE_JWT_AUDIENCE: http.audiences.join(","),
      MATCHPLACE_COGNITO_USER_POOL_ID: pool,
      MATCHPLACE_COGNITO_CLIENT_ID: client,
    });
  });

  it("links the API (URL and management endpoint, no permissions) to $default and the dispatcher", () => {
    const expected = {
      url: `wss://RealtimeApi-id.execute-api.${REGION}.amazonaws.com/$default`,
      managementEndpoint: `https://RealtimeApi-id.execute-api.${REGION}.amazonaws.com/$default`,
    };
    const links = (handler: string) => run.builds.find((b) => b.handler === handler)!.links;
    expect(links(realtime.routes.$default.handler).Realtime).toMatchObject(expected);
    expect(links(realtime.dispatcher.handler).Realtime).toMatchObject(expected);
    expect(links(realtime.dispatcher.handler).MatchEvents).toMatchObject({ arn: matchEventsArn() });
    expect(links(realtime.authorizer.handler).Realtime).toBeUndefined();
  });
});

describe("dispatcher", () => {
  it("reads a table stream of new and old images", () => {
    expect(realtime.dispatcher.streamView).toBe("new-and-old-images");
    expect(table().inputs).toMatchObject({ streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" });
  });

  it("maps the stream to the dispatcher with the batch, retries, filters and partial failures of routes.ts", () => {
    const fn = lambdaOf(run, DISPATCHER_ID);
    expect(fn.inputs.handler).toBe(realtime.dispatcher.handler);
    expect(mapping().inputs).toMatchObject({
      eventSourceArn: table().state.streamArn,
      functionName: fn.state.arn,
      startingPosition: "LATEST",
      batchSize: realtime.dispatcher.batchSize,
      maximumRetryAttempts: realtime.dispatcher.maxRetryAttempts,
      functionResponseTypes: ["ReportBatchItemFailures"],
      bisectBatchOnFunctionError: true,
    });
    const patterns = (mapping().inputs.filterCriteria.filters as { pattern: string }[]).map(
      (f) => JSON.parse(f.pattern) as unknown,
    );
    expect(patterns).toEqual(realtime.dispatcher.filters);
  });

  it.each([
    ["INSERT", "TICKET#t1", true],
    ["MODIFY", "PLACEMENT#p1", true],
    ["MODIFY", "PARTY#x", true],
    ["REMOVE", "TICKET#t1", false],
    ["MODIFY", "PLAYER#p1", false],
    ["INSERT", "CONN#c1", false],
    ["MODIFY", "RATE#p1#read", false],
  ])("lets a %s of %s through its filters: %s", (eventName, pk, passes) => {
    const patterns = (mapping().inputs.filterCriteria.filters as { pattern: string }[]).map(
      (f) => JSON.parse(f.pattern) as unknown,
    );
    const record = { eventName, dynamodb: { Keys: { pk: { S: pk }, sk: { S: "X" } } } };
    expect(patterns.some((p) => matches(p, record))).toBe(passes);
  });
});

describe("MatchEvents", () => {
  it("is a standard topic with no policy and no subscription of the stack's own", () => {
    const topic = run.get("aws:sns/topic:Topic", "MatchEventsTopic");
    expect(topic.inputs.fifoTopic ?? false).toBe(false);
    expect(run.ofType("aws:sns/topicPolicy:TopicPolicy").filter((p) => p.inputs.arn === topic.state.arn)).toEqual([]);
    expect(
      run.ofType("aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.topic === topic.state.arn),
    ).toEqual([]);
  });
});

describe("realtime IAM", () => {
  it("lets the dispatcher post to this API's connections and publish to MatchEvents, and nothing broader", () => {
    expect(statementsWith(DISPATCHER_ID, "execute-api:")).toEqual([
      { Effect: "Allow", Action: ["execute-api:ManageConnections"], Resource: [connections("POST")] },
    ]);
    expect(statementsWith(DISPATCHER_ID, "sns:")).toEqual([
      { Effect: "Allow", Action: ["sns:Publish"], Resource: [matchEventsArn()] },
    ]);
    expect(statementsWith(DISPATCHER_ID, "dynamodb:Describe")).toEqual([
      {
        Effect: "Allow",
        Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
        Resource: [table().state.streamArn],
      },
    ]);
    expect(connections("POST")).toBe(
      `arn:aws:execute-api:${REGION}:${ACCOUNT}:RealtimeApi-id/$default/POST/@connections/*`,
    );
  });

  it("lets $default post its replies; $connect, $disconnect and the authorizer manage no connection", () => {
    expect(statementsWith(`${ROUTE_IDS.$default}Handler`, "execute-api:")).toEqual([
      { Effect: "Allow", Action: ["execute-api:ManageConnections"], Resource: [connections("POST")] },
    ]);
    for (const id of [`${ROUTE_IDS.$connect}Handler`, `${ROUTE_IDS.$disconnect}Handler`, `${AUTHORIZER_ID}Handler`]) {
      expect(statementsWith(id, "execute-api:"), id).toEqual([]);
    }
  });

  it("grants execute-api and sns:Publish to no other function (the game-server results route may publish MatchEvents only)", () => {
    const allowed = new Set([DISPATCHER_ID, `${ROUTE_IDS.$default}Handler`]);
    const results = "ApiRoutePostV1ServerGameSessionsGameSessionIdResultsHandler";
    for (const { functionId } of run.builds) {
      if (allowed.has(functionId)) continue;
      expect(statementsWith(functionId, "execute-api:"), functionId).toEqual([]);
      if (functionId === results) {
        expect(
          statementsWith(functionId, "sns:").map((s) => [s.Action, s.Resource]),
          functionId,
        ).toEqual([[["sns:Publish"], [matchEventsArn()]]]);
        continue;
      }
      expect(statementsWith(functionId, "sns:"), functionId).toEqual([]);
    }
  });

  it("gives the authorizer no permissions, and the connection handlers reads plus writes to connection partitions only", () => {
    expect(roleStatements(run, `${AUTHORIZER_ID}Handler`)).toEqual([]);
    for (const id of [
      `${ROUTE_IDS.$connect}Handler`,
      `${ROUTE_IDS.$disconnect}Handler`,
      `${ROUTE_IDS.$default}Handler`,
      DISPATCHER_ID,
    ]) {
      const writes = statementsWith(id, "dynamodb:").filter((s) =>
        s.Action.some((a) => /Put|Update|Delete|Write|ConditionCheck/.test(a)),
      );
      expect(
        writes.map((s) => [s.Resource, s.Condition]),
        id,
      ).toEqual([
        [
          [table().state.arn],
          { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": CONNECTION_KEY_PREFIXES.map((p) => `${p}*`) } },
        ],
      ]);
    }
  });
});

iamSuite(() => run, { queueArns: [`arn:aws:gamelift:${REGION}:${ACCOUNT}:gamesessionqueue/matchplace-ci-arena`] });
