import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Logger } from "@aws-lambda-powertools/logger";
import { cors } from "@matchplace/functions/routes";
import type { LocalIssuer, JwtClaims } from "../auth/LocalIssuer.js";
import { loadHandler, type LambdaHandler } from "../handlers.js";
import { RouteMatcher } from "./routeMatcher.js";
import { fromResultV2, lambdaContext, toEventV2, type HttpReply, type IamIdentity } from "./events.js";
import { verifySigV4, type ServerCredential } from "./sigv4.js";

/** A route of the HTTP API, as `packages/functions/src/routes.ts` declares it. */
interface ApiRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: string;
  /** `"jwt"` (or `true`): the JWT authorizer; `"iam"`: SigV4 against {@link LocalApiGatewayOptions.serverCredentials}; `false`: none. */
  readonly auth: boolean | "jwt" | "iam";
}

/** Options for {@link startLocalApiGateway}. */
export interface LocalApiGatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly routes: readonly ApiRoute[];
  readonly issuer: LocalIssuer;
  readonly accountId: string;
  /** The credentials game servers sign IAM routes with (the local stage's `serverCredentials`). */
  readonly serverCredentials?: readonly ServerCredential[];
  readonly logger: Logger;
  /** Lambda timeout per invocation; API Gateway answers 503 past it. */
  readonly timeoutMs?: number;
  /** API Gateway's payload limit (10 MB): past it the gateway stops reading and answers 413. */
  readonly maxBodyBytes?: number;
  /**
   * How long a client may take to send its whole body (default 30 000 ms, API Gateway's integration
   * timeout); a slower body is answered 408 and the connection closed, the handler never invoked.
   */
  readonly bodyTimeoutMs?: number;
}

/** The running front door. */
export interface LocalApiGateway {
  readonly url: string;
  close(): Promise<void>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: Buffer.from(JSON.stringify(body)),
});

/** API Gateway's own 401 body is `{"message":"Unauthorized"}`; the local stage adds our error shape beside it. */
const unauthorized = (why: string): HttpReply =>
  json(
    401,
    { message: "Unauthorized", error: { code: "UNAUTHORIZED", message: why } },
    { "www-authenticate": "Bearer" },
  );

/**
 * API Gateway refuses a request failing IAM authorization with 403 (`{"message":"Forbidden"}`-like
 * bodies); the local stage adds our error shape, with the reason, beside it.
 */
const forbidden = (why: string): HttpReply =>
  json(403, { message: "Forbidden", error: { code: "FORBIDDEN", message: why } });

/**
 * An HTTP API (payload format 2.0) with a JWT authorizer and IAM (SigV4) authorization in front of the same handler modules
 * that deploy to Lambda. Also serves the local stage's dev token endpoints:
 * `POST /local/token {"playerId"}` → `{token}` and `GET /local/.well-known/jwks.json`.
 */
export async function startLocalApiGateway(options: LocalApiGatewayOptions): Promise<LocalApiGateway> {
  const matcher = new RouteMatcher(options.routes);
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const handlerFor = (h: string): Promise<LambdaHandler> => {
    let p = handlers.get(h);
    if (!p) {
      p = loadHandler(h);
      handlers.set(h, p);
    }
    return p;
  };
  // Load every handler up front: a broken handler path fails the stage at start, not at first call.
  await Promise.all(options.routes.map((r) => handlerFor(r.handler)));
  const log = options.logger.createChild({ persistentLogAttributes: { component: "api-gateway" } });

  const handle = async (req: IncomingMessage, body: Buffer): Promise<HttpReply> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    if (url.pathname.startsWith("/local/")) return localRoute(method, url.pathname, body, options.issuer);
    if (method === "OPTIONS" && matcher.hasPath(url.pathname))
      return { status: 204, headers: corsHeaders(), body: Buffer.alloc(0) };
    const match = matcher.match(method, url.pathname);
    if (!match)
      return json(404, {
        message: "Not Found",
        error: { code: "NOT_FOUND", message: `no route for ${method} ${url.pathname}` },
      });
    let claims: JwtClaims | undefined;
    let iam: IamIdentity | undefined;
    if (match.route.auth === "iam") {
      const verdict = await verifySigV4(
        { method, path: rawPath(req.url), query: url.searchParams, headers: req.headers, body },
        options.serverCredentials ?? [],
        Date.now(),
      );
      if (!verdict.ok) return forbidden(verdict.reason);
      iam = identityOf(verdict.credential, options.accountId);
    } else if (match.route.auth) {
      const token = bearer(req.headers.authorization);
      if (!token) return unauthorized("missing bearer token");
      try {
        claims = await options.issuer.verify(token);
      } catch (err) {
        return unauthorized(err instanceof Error ? err.message : "invalid token");
      }
    }
    const requestId = randomUUID();
    const routeKey = `${match.route.method} ${match.route.path}`;
    const event = toEventV2({
      req,
      url,
      body,
      routeKey,
      pathParameters: match.pathParameters,
      claims,
      iam,
      requestId,
      now: Date.now(),
      accountId: options.accountId,
    });
    const fn = await handlerFor(match.route.handler);
    const timeoutMs = options.timeoutMs ?? 15_000;
    const name = match.route.handler.replace(/^packages\/functions\/src\//, "").replace(/\W+/g, "-");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((res) => {
      timer = setTimeout(() => res("timeout"), timeoutMs);
    });
    try {
      const result = await Promise.race([fn(event, lambdaContext(name, requestId, timeoutMs, Date.now())), timeout]);
      if (result === "timeout") return json(503, { message: "Service Unavailable" });
      return withCors(fromResultV2(result));
    } catch (err) {
      // API Gateway answers a Lambda error with a bare 500; handlers should never get here.
      log.error("handler threw", { routeKey, requestId, error: err as Error });
      return json(500, { message: "Internal Server Error" });
    } finally {
      clearTimeout(timer);
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const limit = options.maxBodyBytes ?? 10 * 1024 * 1024;
    const send = (r: HttpReply, close = false): void => {
      if (done) return;
      done = true;
      clearTimeout(bodyTimer);
      res.writeHead(r.status, {
        ...r.headers,
        "content-length": String(r.body.length),
        "apigw-requestid": randomUUID(),
        ...(close ? { connection: "close" } : {}),
      });
      res.end(r.body);
    };
    // Refuse without reading the rest: stop the stream and close the connection once answered.
    const refuse = (r: HttpReply): void => {
      req.pause();
      req.removeAllListeners("data");
      send(r, true);
      res.once("finish", () => req.destroy());
    };
    const tooLarge = (): HttpReply =>
      json(413, {
        message: "Request Entity Too Large",
        error: { code: "PAYLOAD_TOO_LARGE", message: `body over ${limit} bytes` },
      });
    const bodyTimeoutMs = options.bodyTimeoutMs ?? 30_000;
    const bodyTimer = setTimeout(() => {
      log.warn("request body too slow; closing", { bodyTimeoutMs, received: size });
      refuse(
        json(408, {
          message: "Request Timeout",
          error: { code: "REQUEST_TIMEOUT", message: `body not received within ${bodyTimeoutMs} ms` },
        }),
      );
    }, bodyTimeoutMs);
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > limit) {
      refuse(tooLarge());
      return;
    }
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) refuse(tooLarge());
      else chunks.push(c);
    });
    req.on("error", () => clearTimeout(bodyTimer));
    req.on("close", () => clearTimeout(bodyTimer));
    req.on("end", () => {
      if (done) return;
      clearTimeout(bodyTimer);
      handle(req, Buffer.concat(chunks))
        .catch((err: unknown) => {
          log.error("local api gateway fault", { error: err as Error });
          return json(500, { message: "Internal Server Error" });
        })
        .then((r) => send(r));
    });
  });
  await new Promise<void>((res) => server.listen(options.port, options.host ?? "127.0.0.1", res));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}

/** The path exactly as sent (still percent-encoded): what the client signed. */
function rawPath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path === "" ? "/" : path;
}

/** `requestContext.authorizer.iam` as API Gateway fills it for an IAM user's signature. */
function identityOf(c: ServerCredential, accountId: string): IamIdentity {
  const userId = `AIDA${c.accessKeyId.slice(-12).toUpperCase()}`;
  return {
    accessKey: c.accessKeyId,
    accountId,
    callerId: userId,
    cognitoIdentity: null,
    principalOrgId: null,
    userArn: c.userArn,
    userId,
  };
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m?.[1];
}

/** The preflight answer, from the one CORS definition (routes.ts `cors`; origins: `*` locally). */
function corsHeaders(): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": cors.allowMethods.join(","),
    "access-control-allow-headers": cors.allowHeaders.join(","),
    "access-control-expose-headers": cors.exposeHeaders.join(","),
    "access-control-max-age": String(cors.maxAgeSeconds),
  };
}

function withCors(r: HttpReply): HttpReply {
  return {
    ...r,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-expose-headers": cors.exposeHeaders.join(","),
      ...r.headers,
    },
  };
}

async function localRoute(method: string, path: string, body: Buffer, issuer: LocalIssuer): Promise<HttpReply> {
  if (method === "GET" && path === "/local/.well-known/jwks.json") return json(200, issuer.jwks);
  if (method === "POST" && path === "/local/token") {
    let playerId: unknown;
    try {
      playerId = (JSON.parse(body.toString("utf8") || "{}") as { playerId?: unknown }).playerId;
    } catch {
      return json(400, { error: { code: "INVALID_JSON", message: 'body must be JSON: {"playerId": "alice"}' } });
    }
    if (typeof playerId !== "string" || !/^[A-Za-z0-9_.@-]{1,128}$/.test(playerId)) {
      return json(400, {
        error: { code: "INVALID_REQUEST", message: "playerId: 1-128 characters of A-Z a-z 0-9 _ . @ -" },
      });
    }
    return json(200, { token: await issuer.issue(playerId), playerId, expiresIn: 3600 });
  }
  return json(404, { error: { code: "NOT_FOUND", message: `no local route ${method} ${path}` } });
}
