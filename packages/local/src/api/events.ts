import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type { JwtClaims } from "../auth/LocalIssuer.js";

/** What the local API Gateway knows about one request when it builds the Lambda event. */
export interface RequestFacts {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly body: Buffer;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
  readonly claims?: JwtClaims;
  /** The SigV4 caller on IAM routes. */
  readonly iam?: IamIdentity;
  readonly requestId: string;
  readonly now: number;
  readonly accountId: string;
}

/** `requestContext.authorizer.iam` of an IAM-authorised route (payload format 2.0). */
export interface IamIdentity {
  readonly accessKey: string;
  readonly accountId: string;
  readonly callerId: string;
  readonly cognitoIdentity: null;
  readonly principalOrgId: string | null;
  readonly userArn: string;
  readonly userId: string;
}

/**
 * Builds an API Gateway HTTP API payload-format-2.0 event, as AWS hands it to Lambda: a JWT route's
 * authorizer carries `jwt.claims`, an IAM route's `iam` (the signer), a public route's nothing.
 */
export function toEventV2(f: RequestFacts): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(f.req.headers)) {
    if (value === undefined) continue;
    if (name === "cookie") {
      cookies.push(...String(value).split(/;\s*/).filter(Boolean));
      continue;
    }
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of f.url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const textual = isTextual(headers["content-type"]);
  const method = f.req.method ?? "GET";
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: "2.0",
    routeKey: f.routeKey,
    rawPath: f.url.pathname,
    rawQueryString: f.url.search.replace(/^\?/, ""),
    headers,
    requestContext: {
      accountId: f.accountId,
      apiId: "local",
      // An IAM route's event has `authorizer.iam` instead of `jwt` (the JWT-typed event is reused for both).
      authorizer: (f.iam
        ? { iam: f.iam }
        : {
            principalId: "",
            integrationLatency: 0,
            jwt: { claims: stringifyClaims(f.claims), scopes: [] },
          }) as APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"]["authorizer"],
      domainName: headers.host ?? "localhost",
      domainPrefix: (headers.host ?? "localhost").split(".")[0] ?? "localhost",
      http: {
        method,
        path: f.url.pathname,
        protocol: `HTTP/${f.req.httpVersion}`,
        sourceIp: f.req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: f.requestId,
      routeKey: f.routeKey,
      stage: "$default",
      time: new Date(f.now).toUTCString(),
      timeEpoch: f.now,
    },
    isBase64Encoded: f.body.length > 0 && !textual,
  };
  if (cookies.length) event.cookies = cookies;
  if (Object.keys(query).length) event.queryStringParameters = query;
  if (Object.keys(f.pathParameters).length) event.pathParameters = f.pathParameters;
  if (f.body.length > 0) event.body = textual ? f.body.toString("utf8") : f.body.toString("base64");
  return event;
}

/** API Gateway passes JWT claims to Lambda as strings. */
function stringifyClaims(claims: JwtClaims | undefined): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string> = {};
  if (!claims) return out;
  for (const [k, v] of Object.entries(claims)) {
    out[k] = Array.isArray(v)
      ? `[${v.join(" ")}]`
      : typeof v === "object" && v !== null
        ? JSON.stringify(v)
        : String(v);
  }
  return out;
}

function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /^(text\/|application\/(json|[\w.+-]+\+json|x-www-form-urlencoded|xml|javascript))/i.test(contentType);
}

/** A normalized HTTP reply from a Lambda result, applying API Gateway's format-2.0 rules. */
export interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

/**
 * Turns a handler's return value into an HTTP reply the way API Gateway does for format 2.0:
 * a result with `statusCode` is taken as is; anything else is sent as 200 JSON.
 */
export function fromResultV2(result: unknown): HttpReply {
  if (result && typeof result === "object" && "statusCode" in result) {
    const r = result as APIGatewayProxyStructuredResultV2;
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
    if (r.cookies?.length) headers["set-cookie"] = r.cookies;
    const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? "base64" : "utf8");
    return { status: r.statusCode ?? 200, headers, body };
  }
  const body = Buffer.from(typeof result === "string" ? result : JSON.stringify(result ?? null));
  return { status: 200, headers: { "content-type": "application/json" }, body };
}

/** A Lambda context good enough for middy and Powertools. */
export function lambdaContext(functionName: string, requestId: string, timeoutMs: number, startedAt: number): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - startedAt)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
