/**
 * The whole AWS program for a development stage (default configuration: Cognito created by the
 * stack, GameLift resources from infra/gamelift/), run once under Pulumi mocks.
 */
import { tableSchema } from "@matchplace/core/dynamo";
import {
  cors,
  IDEMPOTENT_REPLAY_HEADER,
  invoked,
  pollLimits,
  routes,
  schedules,
  SERVER_ROUTE_PREFIX,
  subscribers,
} from "@matchplace/functions/routes";
import { localCatalogDocument } from "@matchplace/local/catalog";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import lambdaPlugins from "../esbuild/plugins.mjs";
import { deployedHandlers, handlerAccess, routeName } from "../handlers.js";
import { ACCOUNT, REGION } from "./harness/mocks.js";
import { lambdaOf, only, roleStatements, statements } from "./harness/query.js";
import { runInfra, type InfraRun } from "./harness/runInfra.js";
import { gameLiftSuite } from "./suites/gamelift.js";
import { iamSuite } from "./suites/iam.js";

const FLEET = `arn:aws:gamelift:${REGION}:${ACCOUNT}:fleet/fleet-1111aaaa-22bb-33cc-44dd-5555eeee6666`;
let run: InfraRun;
/** Handlers whose module exists with its export (the others fail handlers.test.ts). */
let built: Set<string>;

beforeAll(async () => {
  run = await runInfra({ stage: "ci", env: { MATCHPLACE_QUEUE_DESTINATIONS: FLEET } });
  built = new Set(run.builds.filter((b) => b.errors.length === 0).map((b) => b.handler));
}, 120_000);

const routeId = (r: { method: string; path: string }): string => `ApiRoute${routeName(r.method, r.path)}`;

describe("program", () => {
  it("runs without errors other than handlers that are not written yet", () => {
    const missing = run.builds.filter((b) => b.errors.length > 0).map((b) => b.handler);
    const unexpected = run.errors.filter((e) => !missing.some((h) => e.includes(h)));
    expect(unexpected).toEqual([]);
  });

  it("builds one function per deployed handler, all on nodejs22.x", () => {
    expect(run.builds.map((b) => b.handler).sort()).toEqual(deployedHandlers().sort());
    for (const fn of run.ofType("aws:lambda/function:Function")) expect(fn.inputs.runtime, fn.name).toBe("nodejs22.x");
  });

  it("bundles every function with the esbuild plugins the bundle-size test and the import bench apply", () => {
    // SST resolves `nodejs.plugins` against sst.config.ts's directory; test/support/bundle.ts imports this file.
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const file = fileURLToPath(new URL("../esbuild/plugins.mjs", import.meta.url));
    for (const b of run.builds) expect(b.plugins && join(root, b.plugins), b.handler).toBe(file);
    expect(lambdaPlugins.map((p) => p.name)).toContain("lazy-middy-web-streams");
  });

  it("outputs the API URL, the topic ARN and the Cognito ids", () => {
    expect(run.outputs).toMatchObject({
      api: expect.stringMatching(/^https:\/\//),
      eventsTopicArn: expect.stringMatching(/^arn:aws:sns:/),
      userPoolId: expect.any(String),
      userPoolClientId: expect.any(String),
      matchmakingConfigurationName: "matchplace-ci-arena",
      queueName: "matchplace-ci-arena",
    });
  });
});

describe("HTTP API", () => {
  it("routes every route of routes.ts to a function built from its handler module and export", () => {
    for (const route of routes.filter((r) => built.has(r.handler))) {
      const id = routeId(route);
      const apiRoute = run.get("aws:apigatewayv2/route:Route", `${id}Route`);
      const integration = run.get("aws:apigatewayv2/integration:Integration", `${id}Integration`);
      const fn = lambdaOf(run, `${id}Handler`);
      expect(apiRoute.inputs.routeKey).toBe(`${route.method} ${route.path}`);
      expect(apiRoute.inputs.target).toBe(`integrations/${integration.state.id}`);
      expect(integration.inputs.integrationUri).toBe(fn.state.arn);
      expect(fn.inputs.handler).toBe(route.handler);
      expect(run.builds.find((b) => b.functionId === `${id}Handler`)?.exports).toContain("handler");
    }
  });

  it("guards player routes with the JWT authorizer and game-server routes with IAM; only health and the OpenAPI document are public", () => {
    const authorizer = run.get("aws:apigatewayv2/authorizer:Authorizer", "ApiAuthorizerJwtAuthorizer");
    for (const route of routes.filter((r) => built.has(r.handler))) {
      const apiRoute = run.get("aws:apigatewayv2/route:Route", `${routeId(route)}Route`);
      if (route.auth === "iam") {
        expect(apiRoute.inputs.authorizationType, route.path).toBe("AWS_IAM");
        expect(apiRoute.inputs.authorizerId, route.path).toBeUndefined();
        expect(route.path.startsWith(SERVER_ROUTE_PREFIX), route.path).toBe(true);
      } else if (route.auth === "jwt") {
        expect(apiRoute.inputs, route.path).toMatchObject({
          authorizationType: "JWT",
          authorizerId: authorizer.state.id,
        });
      } else {
        expect(apiRoute.inputs.authorizationType, route.path).toBe("NONE");
      }
    }
    expect(
      routes
        .filter((r) => !r.auth)
        .map((r) => r.path)
        .sort(),
    ).toEqual(["/v1/health", "/v1/openapi.json"]);
    expect(routes.filter((r) => r.auth === "iam").map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/server/game-sessions/{gameSessionId}/results",
      "POST /v1/server/game-sessions/{gameSessionId}/end",
    ]);
    // Every IAM route sits under the prefix the fleet role's execute-api:Invoke policy names (docs/deploy.md).
    expect(
      routes
        .filter((r) => r.path.startsWith(SERVER_ROUTE_PREFIX))
        .every((r) => r.auth === "iam" && r.method === "POST"),
    ).toBe(true);
  });

  it("offers fleet roles a policy to invoke exactly POST /v1/server/* of this API, and outputs its ARN", () => {
    const api = run.get("aws:apigatewayv2/api:Api", "ApiApi");
    const policy = run.get("aws:iam/policy:Policy", "GameServerPolicy");
    expect(statements(policy.inputs.policy as string)).toEqual([
      {
        Effect: "Allow",
        Action: ["execute-api:Invoke"],
        Resource: [`${api.state.executionArn as string}/*/POST/v1/server/*`],
      },
    ]);
    expect(run.outputs["gameServerPolicyArn"]).toBe(policy.state.arn);
  });

  it("lets the results handler publish to MatchEvents (linked) and the end handler not", () => {
    const id = (path: string) => `ApiRoute${routeName("POST", path)}Handler`;
    const results = roleStatements(run, id("/v1/server/game-sessions/{gameSessionId}/results"));
    const end = roleStatements(run, id("/v1/server/game-sessions/{gameSessionId}/end"));
    expect(results.some((s) => s.Action.includes("sns:Publish"))).toBe(true);
    expect(end.some((s) => s.Action.includes("sns:Publish"))).toBe(false);
    expect(end.flatMap((s) => s.Action).some((a) => a.startsWith("gamelift:"))).toBe(false);
  });

  it("trusts tokens of the stack's Cognito user pool and game client", () => {
    const authorizer = run.get("aws:apigatewayv2/authorizer:Authorizer", "ApiAuthorizerJwtAuthorizer");
    const pool = only(run, "aws:cognito/userPool:UserPool");
    const client = only(run, "aws:cognito/userPoolClient:UserPoolClient");
    expect(authorizer.inputs).toMatchObject({
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: {
        issuer: `https://cognito-idp.${REGION}.amazonaws.com/${pool.state.id}`,
        audiences: [client.state.id],
      },
    });
    expect(client.inputs).toMatchObject({
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      generateSecret: false,
      allowedOauthFlowsUserPoolClient: false,
      allowedOauthFlows: [],
    });
  });

  it("keeps Cognito self sign-up off by default: only the studio creates accounts", () => {
    expect(only(run, "aws:cognito/userPool:UserPool").inputs.adminCreateUserConfig).toMatchObject({
      allowAdminCreateUserOnly: true,
    });
  });

  it("throttles the stage, writes JSON access logs and answers CORS", () => {
    const stage = run.get("aws:apigatewayv2/stage:Stage", "ApiStage");
    const logGroup = run.get("aws:cloudwatch/logGroup:LogGroup", "ApiAccessLog");
    expect(stage.inputs.defaultRouteSettings).toEqual({
      throttlingRateLimit: 100,
      throttlingBurstLimit: 200,
      detailedMetricsEnabled: true,
    });
    expect(stage.inputs.accessLogSettings.destinationArn).toBe(logGroup.state.arn);
    expect(Object.keys(JSON.parse(stage.inputs.accessLogSettings.format))).toEqual(
      expect.arrayContaining(["requestId", "routeKey", "status"]),
    );
    expect(logGroup.inputs.retentionInDays).toBe(90);
    expect(run.get("aws:apigatewayv2/api:Api", "ApiApi").inputs.corsConfiguration).toMatchObject({
      allowOrigins: ["*"],
      allowHeaders: [...cors.allowHeaders],
      allowMethods: [...cors.allowMethods],
      exposeHeaders: [...cors.exposeHeaders],
      maxAge: cors.maxAgeSeconds,
    });
  });

  it("lets a browser send Idempotency-Key and If-None-Match and read ETag, Retry-After and the replay header", () => {
    const corsConfiguration = run.get("aws:apigatewayv2/api:Api", "ApiApi").inputs.corsConfiguration;
    expect(corsConfiguration.allowHeaders).toEqual(expect.arrayContaining(["idempotency-key", "if-none-match"]));
    expect(corsConfiguration.exposeHeaders).toEqual(
      expect.arrayContaining(["etag", "retry-after", IDEMPOTENT_REPLAY_HEADER]),
    );
  });

  it("throttles each polled GET route on its own, and no other route", () => {
    const stage = run.get("aws:apigatewayv2/stage:Stage", "ApiStage");
    const polled = routes.filter((r) => r.method === "GET" && r.auth === "jwt").map((r) => `${r.method} ${r.path}`);
    expect(polled).toEqual(
      expect.arrayContaining(["GET /v1/matchmaking/{ticketId}", "GET /v1/matchmaking/current", "GET /v1/players/me"]),
    );
    expect(stage.inputs.routeSettings).toEqual(
      polled.map((routeKey) => ({
        routeKey,
        throttlingRateLimit: pollLimits.route.rateLimit,
        throttlingBurstLimit: pollLimits.route.burstLimit,
      })),
    );
  });
});

describe("table", () => {
  it("has exactly the keys, index and TTL of core's table schema", () => {
    const table = only(run, "aws:dynamodb/table:Table");
    const schema = tableSchema("any");
    const key = (type: string) => schema.KeySchema!.find((k) => k.KeyType === type)!.AttributeName;
    expect(table.inputs.hashKey).toBe(key("HASH"));
    expect(table.inputs.rangeKey).toBe(key("RANGE"));
    expect(new Set(table.inputs.attributes)).toEqual(
      new Set(schema.AttributeDefinitions!.map((a) => ({ name: a.AttributeName, type: a.AttributeType }))),
    );
    expect(table.inputs.globalSecondaryIndexes).toEqual(
      schema.GlobalSecondaryIndexes!.map((i) => ({
        name: i.IndexName,
        hashKey: i.KeySchema!.find((k) => k.KeyType === "HASH")!.AttributeName,
        rangeKey: i.KeySchema!.find((k) => k.KeyType === "RANGE")?.AttributeName,
        projectionType: i.Projection!.ProjectionType,
      })),
    );
    expect(table.inputs.billingMode).toBe(schema.BillingMode);
    expect(table.inputs.ttl).toEqual({ attributeName: "expiresAt", enabled: true });
    expect(table.inputs.pointInTimeRecovery).toEqual({ enabled: true });
  });

  it("is removed with a development stage", () => {
    const table = only(run, "aws:dynamodb/table:Table");
    expect(table.inputs.deletionProtectionEnabled).toBe(false);
    expect(run.options.get(`aws:dynamodb/table:Table::${table.name}`)?.retainOnDelete).toBeUndefined();
  });
});

describe("events", () => {
  it("is a standard topic that only GameLift may publish to, for this account's configuration and queue", () => {
    const topic = run.get("aws:sns/topic:Topic", "EventsTopic");
    expect(topic.inputs.fifoTopic ?? false).toBe(false);
    const policy = only(run, "aws:sns/topicPolicy:TopicPolicy");
    expect(policy.inputs.arn).toBe(topic.state.arn);
    const sources = [
      `arn:aws:gamelift:${REGION}:${ACCOUNT}:matchmakingconfiguration/matchplace-ci-arena`,
      `arn:aws:gamelift:${REGION}:${ACCOUNT}:gamesessionqueue/matchplace-ci-arena`,
    ];
    const deny = (Sid: string, Condition: Record<string, Record<string, string[]>>) => ({
      Sid,
      Effect: "Deny",
      Principal: "*",
      Action: ["sns:Publish"],
      Resource: [topic.state.arn],
      Condition,
    });
    expect(statements(policy.inputs.policy)).toEqual([
      {
        Sid: "GameLiftPublish",
        Effect: "Allow",
        Principal: { Service: ["gamelift.amazonaws.com"] },
        Action: ["sns:Publish"],
        Resource: [topic.state.arn],
        Condition: {
          StringEquals: { "aws:SourceAccount": [ACCOUNT] },
          ArnLike: { "aws:SourceArn": sources },
        },
      },
      // Explicit Denies, one per condition (ORed): not GameLift, another account, another source.
      deny("DenyPublishExceptGameLift", {
        StringNotEquals: { "aws:PrincipalServiceName": ["gamelift.amazonaws.com"] },
      }),
      deny("DenyPublishFromOtherAccounts", { StringNotEquals: { "aws:SourceAccount": [ACCOUNT] } }),
      deny("DenyPublishForOtherSources", { ArnNotLike: { "aws:SourceArn": sources } }),
    ]);
  });

  it("links the consumer and the redrive to this stage's identity (EventsTrust) to vet every event", () => {
    const trust = {
      account: ACCOUNT,
      region: REGION,
      resources: [
        `arn:aws:gamelift:${REGION}:${ACCOUNT}:matchmakingconfiguration/matchplace-ci-arena`,
        `arn:aws:gamelift:${REGION}:${ACCOUNT}:gamesessionqueue/matchplace-ci-arena`,
      ],
      fleetIds: ["fleet-1111aaaa-22bb-33cc-44dd-5555eeee6666"],
    };
    for (const handler of [subscribers.events.handler, invoked.redrive.handler]) {
      expect(run.builds.find((b) => b.handler === handler)?.links.EventsTrust, handler).toMatchObject(trust);
    }
  });

  it("links the matchmaking catalog the local stage sets (both from infra/gamelift) to exactly the handlers that name profiles", () => {
    const linked = run.builds.filter((b) => b.links.Catalog !== undefined).map((b) => b.handler);
    expect(linked.sort()).toEqual(
      [
        "packages/functions/src/matchmaking/start.handler",
        "packages/functions/src/placements/start.handler",
        "packages/functions/src/players/patchMe.handler",
        "packages/functions/src/openapi/get.handler",
      ].sort(),
    );
    expect(
      Object.keys(handlerAccess)
        .filter((h) => handlerAccess[h]?.catalog)
        .sort(),
    ).toEqual(linked.sort());
    const local = localCatalogDocument();
    for (const handler of linked) {
      const { type: _type, ...document } = run.builds.find((b) => b.handler === handler)!.links.Catalog!;
      expect(document, handler).toEqual(local);
    }
    expect(local.configurations.map((c) => c.key)).toEqual(["arena"]);
  });

  it("keeps the linked catalog document far below Lambda's 4 KB environment limit", () => {
    expect(JSON.stringify(localCatalogDocument()).length).toBeLessThan(1024);
  });

  it("subscribes the consumer with a message-body filter that lets GameLift events through", () => {
    const subscription = only(run, "aws:sns/topicSubscription:TopicSubscription");
    expect(subscription.inputs).toMatchObject({
      topic: run.get("aws:sns/topic:Topic", "EventsTopic").state.arn,
      protocol: "lambda",
      endpoint: lambdaOf(run, "EventsSubscriberConsumerFunction").state.arn,
      filterPolicyScope: "MessageBody",
    });
    const filter = JSON.parse(subscription.inputs.filterPolicy) as Record<string, string[]>;
    const matches = (body: Record<string, unknown>) =>
      Object.entries(filter).every(([k, values]) => values.includes(body[k] as string));
    const gamelift = { source: "aws.gamelift", account: ACCOUNT };
    expect(
      matches({ ...gamelift, "detail-type": "GameLift Matchmaking Event", detail: { type: "MatchmakingSearching" } }),
    ).toBe(true);
    expect(
      matches({ ...gamelift, "detail-type": "GameLift Queue Placement Event", detail: { type: "PlacementFulfilled" } }),
    ).toBe(true);
    expect(
      matches({ source: "aws.ec2", account: ACCOUNT, "detail-type": "EC2 Instance State-change Notification" }),
    ).toBe(false);
    // The filter checks account and source too: a forged body from another account never invokes the consumer.
    expect(filter).toMatchObject({ source: ["aws.gamelift"], account: [ACCOUNT] });
    expect(matches({ ...gamelift, account: "999999999999", "detail-type": "GameLift Matchmaking Event" })).toBe(false);
    expect(matches({ source: "evil.app", account: ACCOUNT, "detail-type": "GameLift Matchmaking Event" })).toBe(false);
    expect(lambdaOf(run, "EventsSubscriberConsumerFunction").inputs.handler).toBe(subscribers.events.handler);
  });

  it("dead-letters what SNS cannot deliver and what the consumer keeps failing on", () => {
    const queue = run.get("aws:sqs/queue:Queue", "EventsDeadLetterQueue");
    const subscription = only(run, "aws:sns/topicSubscription:TopicSubscription");
    expect(JSON.parse(subscription.inputs.redrivePolicy)).toEqual({ deadLetterTargetArn: queue.state.arn });
    const invoke = only(run, "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
    expect(invoke.inputs).toMatchObject({
      maximumRetryAttempts: 2,
      destinationConfig: { onFailure: { destination: queue.state.arn } },
    });
    const [statement] = statements(run.get("aws:sqs/queuePolicy:QueuePolicy", "EventsDeadLetterPolicy").inputs.policy);
    expect(statement).toMatchObject({
      Principal: { Service: ["sns.amazonaws.com"] },
      Action: ["sqs:SendMessage"],
      Resource: [queue.state.arn],
      Condition: { ArnEquals: { "aws:SourceArn": [run.get("aws:sns/topic:Topic", "EventsTopic").state.arn] } },
    });
    expect(lambdaOf(run, "DeadLetterRedrive").inputs.handler).toBe(invoked.redrive.handler);
    expect(run.builds.find((b) => b.handler === invoked.redrive.handler)?.links.EventsDeadLetter).toMatchObject({
      url: queue.state.url,
    });
  });

  it("reconciles every minute", () => {
    const schedule = run.get("aws:scheduler/schedule:Schedule", "ReconcileSchedule").inputs;
    expect(schedule).toMatchObject({ scheduleExpression: "rate(1 minute)", state: "ENABLED" });
    expect(schedule.target.arn).toBe(lambdaOf(run, "ReconcileHandler").state.arn);
    const [invoke] = statements(run.get("aws:iam/role:Role", "ReconcileRole").inputs.inlinePolicies[0].policy);
    expect(invoke).toMatchObject({
      Action: ["lambda:InvokeFunction"],
      Resource: [lambdaOf(run, "ReconcileHandler").state.arn],
    });
    expect(lambdaOf(run, "ReconcileHandler").inputs.handler).toBe(schedules.reconcile.handler);
  });
});

describe("alarms", () => {
  it("watch the dead-letter queue, consumer errors and the API 5xx rate, notifying the Alarms topic", () => {
    const alarmsTopic = run.get("aws:sns/topic:Topic", "AlarmsTopic").state.arn;
    const dlq = run.get("aws:cloudwatch/metricAlarm:MetricAlarm", "EventsDeadLetterAlarm").inputs;
    expect(dlq).toMatchObject({ namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", threshold: 0 });
    expect(dlq.dimensions.QueueName).toBe(run.get("aws:sqs/queue:Queue", "EventsDeadLetterQueue").state.name);
    const consumer = run.get("aws:cloudwatch/metricAlarm:MetricAlarm", "ConsumerErrorsAlarm").inputs;
    expect(consumer).toMatchObject({ namespace: "AWS/Lambda", metricName: "Errors" });
    expect(consumer.dimensions.FunctionName).toBe(lambdaOf(run, "EventsSubscriberConsumerFunction").state.name);
    const api = run.get("aws:cloudwatch/metricAlarm:MetricAlarm", "Api5xxRateAlarm").inputs;
    const apiId = run.get("aws:apigatewayv2/api:Api", "ApiApi").state.id;
    expect(
      api.metricQueries.map(
        (q: { metric?: { metricName: string; dimensions: unknown } }) =>
          q.metric && [q.metric.metricName, q.metric.dimensions],
      ),
    ).toEqual([["5xx", { ApiId: apiId }], ["Count", { ApiId: apiId }], undefined]);
    for (const alarm of run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"))
      expect(alarm.inputs.alarmActions).toEqual([alarmsTopic]);
    expect(
      run.ofType("aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.protocol === "email"),
    ).toEqual([]);
  });
});

gameLiftSuite(() => run, { stage: "ci", destinations: [FLEET] });
iamSuite(() => run, { queueArns: [`arn:aws:gamelift:${REGION}:${ACCOUNT}:gamesessionqueue/matchplace-ci-arena`] });
