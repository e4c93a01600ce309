/**
 * The stack floor of a handler: a bundle of the same third-party packages its own bundle holds (the
 * AWS clients it calls, middy, Powertools, zod, SST's `Resource`, openskill, …), each built and used
 * the way matchplace's handlers use it, with no code of matchplace. The import bench divides a
 * handler's cold import by its floor's: what is left is the cost of matchplace's own code, and the
 * floor's own ratio to the bare DynamoDB bundle is what the libraries cost before any of it.
 *
 * A bundle holding a third-party package that is neither a {@link STACK_PARTS} entry nor a known
 * dependency of one ({@link TRANSITIVE}) fails {@link floorParts}: a new library gets its part here
 * before the floor can be called a floor.
 */

/** How one package is used in a floor: imports, what is built at import, and what the handler calls. */
interface StackPart {
  readonly imports: readonly string[];
  /** Module-level statements: what a handler must build at import (the logger its middleware takes). */
  readonly init?: readonly string[];
  /**
   * Variables built on the first invocation (`name = expression`), as matchplace's service
   * accessors build clients: the floor keeps no construction at import that a handler can defer.
   */
  readonly lazy?: readonly (readonly [string, string])[];
  /** Statements of the handler body (await allowed; `event` is the invocation's input). */
  readonly use?: readonly string[];
}

/**
 * The third-party packages matchplace's handlers import, each as a floor part. `@middy/core` wraps
 * the handler (with Powertools' logger middleware when the logger is there) and
 * `@middy/http-header-normalizer` joins it; Powertools Metrics is imported on the first invocation,
 * as `functions/src/http/middleware/observe.ts` and `functions/src/observability.ts` do.
 */
const STACK_PARTS = {
  "@aws-sdk/client-dynamodb": {
    imports: [`import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";`],
    lazy: [["dynamodb", "new DynamoDBClient({})"]],
  },
  "@aws-sdk/lib-dynamodb": {
    imports: [`import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";`],
    lazy: [
      ["documents", "DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } })"],
    ],
  },
  "@aws-sdk/client-gamelift": {
    imports: [`import { GameLiftClient, DescribeMatchmakingCommand } from "@aws-sdk/client-gamelift";`],
    lazy: [["gamelift", "new GameLiftClient({})"]],
    use: [`await gamelift.send(new DescribeMatchmakingCommand({ TicketIds: [event.id] }));`],
  },
  "@aws-sdk/client-sns": {
    imports: [`import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";`],
    lazy: [["sns", "new SNSClient({})"]],
    use: [`await sns.send(new PublishCommand({ TopicArn: event.topic, Message: "{}" }));`],
  },
  "@aws-sdk/client-sqs": {
    imports: [`import { SQSClient, ReceiveMessageCommand } from "@aws-sdk/client-sqs";`],
    lazy: [["sqs", "new SQSClient({})"]],
    use: [`await sqs.send(new ReceiveMessageCommand({ QueueUrl: event.queue }));`],
  },
  "@aws-sdk/client-apigatewaymanagementapi": {
    imports: [
      `import { ApiGatewayManagementApiClient, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";`,
    ],
    lazy: [["connections", `new ApiGatewayManagementApiClient({ endpoint: "https://example.com" })`]],
    use: [`await connections.send(new PostToConnectionCommand({ ConnectionId: event.id, Data: "{}" }));`],
  },
  "@aws-lambda-powertools/logger": {
    imports: [
      `import { Logger } from "@aws-lambda-powertools/logger";`,
      `import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";`,
    ],
    init: [`const logger = new Logger({ serviceName: "floor" });`],
    use: [`logger.info("floor", { id: event.id });`],
  },
  "@aws-lambda-powertools/metrics": {
    imports: [],
    init: [
      `let metrics;`,
      `const loadMetrics = () => (metrics ??= import("@aws-lambda-powertools/metrics").then(({ Metrics }) => new Metrics({ namespace: "floor", serviceName: "floor" })));`,
    ],
    use: [`const m = await loadMetrics();`, `m.addMetric("Floor", "Count", 1);`, `m.publishStoredMetrics();`],
  },
  "@aws-lambda-powertools/batch": {
    imports: [`import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";`],
    lazy: [["processor", "new BatchProcessor(EventType.DynamoDBStreams)"]],
    use: [`await processPartialResponse(event, async () => {}, processor, { context });`],
  },
  "@middy/core": { imports: [`import middy from "@middy/core";`] },
  "@middy/http-header-normalizer": { imports: [`import httpHeaderNormalizer from "@middy/http-header-normalizer";`] },
  zod: {
    imports: [`import * as z from "zod/mini";`],
    init: [
      `let schema;`,
      `const params = () => (schema ??= z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }));`,
    ],
    use: [`params().parse({ id: event.id });`],
  },
  sst: {
    imports: [`import { Resource } from "sst";`],
    use: [`void Resource.Table.name;`],
  },
  openskill: {
    imports: [`import { rate } from "openskill";`],
    use: [`rate([[{ mu: 25, sigma: 25 / 3 }], [{ mu: 25, sigma: 25 / 3 }]], { rank: [1, 2] });`],
  },
  "aws-jwt-verify": {
    imports: [`import { JwtVerifier } from "aws-jwt-verify";`],
    lazy: [
      [
        "verifier",
        `JwtVerifier.create({ issuer: "https://issuer.example", audience: null, jwksUri: "https://issuer.example/jwks.json" })`,
      ],
    ],
    use: [`await verifier.verify(event.token);`],
  },
} as const satisfies Record<string, StackPart>;

export type StackPackage = keyof typeof STACK_PARTS;

/**
 * Packages that come with a {@link STACK_PARTS} package (the SDK runtime, Powertools' commons,
 * openskill's math), not imported by matchplace itself.
 */
const TRANSITIVE = [
  /^@smithy\//,
  /^@aws-sdk\/(core|credential-provider-.*|nested-clients|token-providers|signature-v4-multi-region|util-dynamodb|dynamodb-codec|endpoint-cache|middleware-.*|xml-builder)$/,
  /^@aws\/lambda-invoke-store$/,
  /^@aws-lambda-powertools\/commons$/,
  /^(mnemonist|obliterator)$/,
  /^@stdlib\//,
  /^(ramda|sort-unwind)$/,
];

/**
 * The third-party packages (`@scope/name` or `name`) with code in a bundle, from its
 * `HandlerBundle.inputBytes` (files with bytes in the output; matchplace's own files have none).
 */
export function packagesIn(inputBytes: Readonly<Record<string, number>>): Set<string> {
  return new Set(
    Object.entries(inputBytes).flatMap(([file, bytes]) =>
      bytes > 0 ? (/node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.slice(1, 2) ?? []) : [],
    ),
  );
}

/**
 * The stack parts a handler's bundle needs, from the files it holds (`HandlerBundle.inputBytes`
 * keys with bytes in the output). Throws for a third-party package with no part.
 */
export function floorParts(inputBytes: Readonly<Record<string, number>>): StackPackage[] {
  const packages = packagesIn(inputBytes);
  const unknown = [...packages].filter((p) => !(p in STACK_PARTS) && !TRANSITIVE.some((t) => t.test(p)));
  if (unknown.length > 0) {
    throw new Error(`no stack part for ${unknown.join(", ")}: add one to test/support/stackFloor.ts`);
  }
  return (Object.keys(STACK_PARTS) as StackPackage[]).filter((p) => packages.has(p));
}

/** What a floor holds, in short: `dynamodb, lib-dynamodb, gamelift, pt-logger, …` (Powertools as `pt-`). */
function describeFloor(parts: readonly StackPackage[]): string {
  return parts
    .map((p) =>
      p
        .replace(/^@aws-sdk\/client-/, "")
        .replace(/^@aws-sdk\//, "")
        .replace(/^@aws-lambda-powertools\//, "pt-")
        .replace(/^@middy\/core$/, "middy")
        .replace(/^@middy\//, ""),
    )
    .join(", ");
}

/** The source of a floor handler built from `parts`: an ES module exporting `handler`. */
function floorSource(parts: readonly StackPackage[]): string {
  const has = (p: StackPackage): boolean => parts.includes(p);
  const chosen = parts.map((p): StackPart => STACK_PARTS[p]);
  const read = has("@aws-sdk/lib-dynamodb")
    ? `await documents.send(new GetCommand({ TableName: "floor", Key: { pk: event.id } }));`
    : has("@aws-sdk/client-dynamodb")
      ? `await dynamodb.send(new GetItemCommand({ TableName: "floor", Key: { pk: { S: event.id } } }));`
      : "";
  const body = [...chosen.flatMap((p) => p.use ?? []), read, "return { statusCode: 200 };"];
  const lazy = chosen.flatMap((p) => p.lazy ?? []);
  const lines = [
    ...chosen.flatMap((p) => p.imports),
    ...chosen.flatMap((p) => p.init ?? []),
    ...(lazy.length > 0 ? [`let ${lazy.map(([name]) => name).join(", ")};`] : []),
    `const run = async (event, context) => {`,
    ...lazy.map(([name, value]) => `  ${name} ??= ${value};`),
    ...body.filter((l) => l !== "").map((l) => `  ${l}`),
    `};`,
  ];
  if (!has("@middy/core")) return [...lines, `export const handler = run;`, ""].join("\n");
  const uses = [
    has("@aws-lambda-powertools/logger") ? `.use(injectLambdaContext(logger, { resetKeys: true }))` : "",
    has("@middy/http-header-normalizer") ? `.use(httpHeaderNormalizer())` : "",
  ].join("");
  return [...lines, `export const handler = middy(run)${uses};`, ""].join("\n");
}

/** The stack floors of a set of handler bundles, one per distinct set of parts. */
export interface StackFloors {
  /** Handler name → the label of its floor (`floor-1`, `floor-2`, … in first-seen order). */
  readonly floorOf: Readonly<Record<string, string>>;
  /** Floor label → its module source (for `bundleHandlers`' `sources`). */
  readonly sources: Readonly<Record<string, string>>;
  /** Floor label → what it holds ({@link describeFloor}). */
  readonly descriptions: Readonly<Record<string, string>>;
}

/**
 * The floor of each handler bundle (name → its `inputBytes`), handlers with the same parts sharing
 * one. Throws as {@link floorParts} does.
 * @example const { floorOf, sources } = stackFloors({ "matchmaking-get": bundle.inputBytes });
 */
export function stackFloors(handlers: Readonly<Record<string, Readonly<Record<string, number>>>>): StackFloors {
  const labels = new Map<string, string>();
  const floorOf: Record<string, string> = {};
  const sources: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const [name, inputBytes] of Object.entries(handlers)) {
    const parts = floorParts(inputBytes);
    const description = describeFloor(parts);
    let label = labels.get(description);
    if (label === undefined) {
      label = `floor-${labels.size + 1}`;
      labels.set(description, label);
      sources[label] = floorSource(parts);
      descriptions[label] = description;
    }
    floorOf[name] = label;
  }
  return { floorOf, sources, descriptions };
}
