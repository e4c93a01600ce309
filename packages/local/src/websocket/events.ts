import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The Lambda events of an API Gateway WebSocket API, built the way AWS builds them (see "WebSocket API
 * Lambda REQUEST authorizer input" and the `$connect` / message / `$disconnect` integration payloads).
 */

/** What API Gateway knows about one WebSocket API stage. */
export interface ApiFacts {
  readonly apiId: string;
  readonly stage: string;
  readonly region: string;
  readonly accountId: string;
}

/** What API Gateway knows about one connection, from its handshake on. */
export interface ConnectionFacts {
  readonly connectionId: string;
  readonly connectedAt: number;
  /** The Host header of the handshake (`requestContext.domainName`). */
  readonly domainName: string;
  readonly sourceIp: string;
  readonly userAgent: string;
}

/** `requestContext.authorizer` of every event after the authorizer allowed the connection. */
export type AuthorizerContext = Readonly<Record<string, string | number | boolean | null>>;

/** An id in API Gateway's style (`L0SM9cOFvHcCIhw=`): 10 random bytes, base64, no `+` or `/`. */
export function gatewayId(): string {
  return randomBytes(10).toString("base64").replace(/\+/g, "A").replace(/\//g, "B");
}

/** `requestContext.requestTime`: `13/Dec/2020:10:17:47 +0000` (Common Log Format, UTC). */
function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The handshake's headers, single- and multi-valued, names as the client sent them. */
export function handshakeHeaders(
  req: IncomingMessage,
  sourceIp: string,
  port: number,
): { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> } {
  const multi: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    (multi[name] ??= []).push(req.rawHeaders[i + 1] ?? "");
  }
  // API Gateway's front end adds these; handlers may read the client address from them.
  multi["X-Forwarded-For"] ??= [sourceIp];
  multi["X-Forwarded-Port"] ??= [String(port)];
  multi["X-Forwarded-Proto"] ??= ["http"];
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(multi)) headers[k] = v.join(",");
  return { headers, multiValueHeaders: multi };
}

/** The query string, single- (last value wins, as API Gateway does) and multi-valued; `null` when empty. */
export function queryParameters(url: URL): {
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
} {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) {
    single[k] = v;
    (multi[k] ??= []).push(v);
  }
  const any = Object.keys(single).length > 0;
  return { queryStringParameters: any ? single : null, multiValueQueryStringParameters: any ? multi : null };
}

/** `requestContext.identity` as API Gateway fills it for a WebSocket API (only the address and agent are known). */
function identity(c: ConnectionFacts): Record<string, string | null> {
  return {
    accountId: null,
    accessKey: null,
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp: c.sourceIp,
    user: null,
    userAgent: c.userAgent,
    userArn: null,
  };
}

type EventType = "CONNECT" | "MESSAGE" | "DISCONNECT";

/** The `requestContext` shared by every WebSocket event. */
function requestContext(
  api: ApiFacts,
  c: ConnectionFacts,
  routeKey: string,
  eventType: EventType,
  now: number,
): Record<string, unknown> {
  const requestId = gatewayId();
  return {
    routeKey,
    eventType,
    extendedRequestId: requestId,
    requestTime: requestTime(now),
    messageDirection: "IN",
    stage: api.stage,
    connectedAt: c.connectedAt,
    requestTimeEpoch: now,
    identity: identity(c),
    requestId,
    domainName: c.domainName,
    connectionId: c.connectionId,
    apiId: api.apiId,
  };
}

/** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect` */
export function connectMethodArn(api: ApiFacts): string {
  return `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${api.stage}/$connect`;
}

/** What the handshake carried, shared by the authorizer and `$connect` events. */
export interface HandshakeFacts {
  readonly headers: Record<string, string>;
  readonly multiValueHeaders: Record<string, string[]>;
  readonly queryStringParameters: Record<string, string> | null;
  readonly multiValueQueryStringParameters: Record<string, string[]> | null;
}

/** The input of a Lambda REQUEST authorizer on `$connect`. */
export function authorizerEvent(
  api: ApiFacts,
  c: ConnectionFacts,
  h: HandshakeFacts,
  now: number,
): Record<string, unknown> {
  return {
    type: "REQUEST",
    methodArn: connectMethodArn(api),
    headers: h.headers,
    multiValueHeaders: h.multiValueHeaders,
    queryStringParameters: h.queryStringParameters,
    multiValueQueryStringParameters: h.multiValueQueryStringParameters,
    stageVariables: null,
    requestContext: requestContext(api, c, "$connect", "CONNECT", now),
  };
}

/** The `$connect` event: the handshake plus the authorizer's verdict. */
export function connectEvent(
  api: ApiFacts,
  c: ConnectionFacts,
  h: HandshakeFacts,
  authorizer: AuthorizerContext,
  now: number,
): Record<string, unknown> {
  return {
    headers: h.headers,
    multiValueHeaders: h.multiValueHeaders,
    ...(h.queryStringParameters
      ? {
          queryStringParameters: h.queryStringParameters,
          multiValueQueryStringParameters: h.multiValueQueryStringParameters,
        }
      : {}),
    requestContext: { ...requestContext(api, c, "$connect", "CONNECT", now), messageId: null, authorizer },
    isBase64Encoded: false,
  };
}

/** A `$default` message event: one client frame (binary frames base64-encoded). */
export function messageEvent(
  api: ApiFacts,
  c: ConnectionFacts,
  authorizer: AuthorizerContext,
  frame: { body: string; isBase64Encoded: boolean },
  now: number,
): Record<string, unknown> {
  return {
    requestContext: { ...requestContext(api, c, "$default", "MESSAGE", now), messageId: gatewayId(), authorizer },
    body: frame.body,
    isBase64Encoded: frame.isBase64Encoded,
  };
}

/** The `$disconnect` event, with the close code and reason that ended the connection. */
export function disconnectEvent(
  api: ApiFacts,
  c: ConnectionFacts,
  authorizer: AuthorizerContext,
  close: { code: number; reason: string },
  now: number,
): Record<string, unknown> {
  const headers = { Host: c.domainName, "X-Forwarded-For": c.sourceIp };
  return {
    headers,
    multiValueHeaders: { Host: [c.domainName], "X-Forwarded-For": [c.sourceIp] },
    requestContext: {
      ...requestContext(api, c, "$disconnect", "DISCONNECT", now),
      messageId: null,
      disconnectStatusCode: close.code,
      disconnectReason: close.reason,
      authorizer,
    },
    isBase64Encoded: false,
  };
}
