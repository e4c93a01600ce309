import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from "aws-lambda";

/** Options of {@link apiEvent}. */
export interface ApiEventOptions {
  readonly method: string;
  /** Concrete path, e.g. `/v1/matchmaking/abc`. */
  readonly path: string;
  /** API Gateway route key path, e.g. `/v1/matchmaking/{ticketId}` (default: `path`). */
  readonly route?: string;
  readonly pathParameters?: Record<string, string>;
  readonly query?: Record<string, string>;
  /** JWT `sub`; `null` = no authorizer context at all. */
  readonly sub?: string | null;
  /** Object → JSON with content-type application/json; string → sent verbatim. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A literal API Gateway HTTP API (payload format 2.0) event with a JWT authorizer context. */
export function apiEvent(options: ApiEventOptions): APIGatewayProxyEventV2WithJWTAuthorizer {
  const isString = typeof options.body === "string";
  const body =
    options.body === undefined ? undefined : isString ? (options.body as string) : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    host: "api.example.com",
    "user-agent": "vitest",
    ...(body !== undefined && !isString ? { "content-type": "application/json" } : {}),
    ...options.headers,
  };
  const query = options.query;
  const sub = options.sub === undefined ? "player-a" : options.sub;
  const route = options.route ?? options.path;
  return {
    version: "2.0",
    routeKey: `${options.method} ${route}`,
    rawPath: options.path,
    rawQueryString: query ? new URLSearchParams(query).toString() : "",
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "api1234567",
      domainName: "api.example.com",
      domainPrefix: "api",
      http: {
        method: options.method,
        path: options.path,
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "vitest",
      },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: `${options.method} ${route}`,
      stage: "$default",
      time: "21/Nov/2026:21:00:00 +0000",
      timeEpoch: 1_795_000_000_000,
      authorizer:
        sub === null
          ? (undefined as unknown as APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"]["authorizer"])
          : {
              principalId: "",
              integrationLatency: 0,
              jwt: { claims: { sub, iss: "https://issuer.example.com", aud: "matchplace" }, scopes: [] },
            },
    },
    body,
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A fake Lambda context. */
function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: "matchplace-api",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:matchplace-api",
    memoryLimitInMB: "256",
    awsRequestId: "00000000-0000-0000-0000-000000000001",
    logGroupName: "/aws/lambda/matchplace-api",
    logStreamName: "stream",
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A handler's reply with the body parsed. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** Invokes a wrapped handler with an event and parses its reply. */
export async function invoke(
  handler: (event: never, context: Context) => Promise<unknown>,
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Promise<Reply> {
  const out = (await handler(event as never, lambdaContext())) as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
  };
  return {
    status: out.statusCode,
    headers: out.headers ?? {},
    body: out.body === undefined ? undefined : (JSON.parse(out.body) as unknown),
  };
}
