import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { Logger } from "@aws-lambda-powertools/logger";
import { WebSocketServer } from "ws";
import { readAuthorizerResult } from "./authorizerPolicy.js";
import {
  authorizerEvent,
  connectEvent,
  connectMethodArn,
  disconnectEvent,
  gatewayId,
  handshakeHeaders,
  messageEvent,
  queryParameters,
  type ApiFacts,
  type AuthorizerContext,
  type ConnectionFacts,
} from "./events.js";
import { GatewayConnection } from "./GatewayConnection.js";
import { invokeHandler, resolveHandler, type HandlerRef, type ResolvedHandler } from "./invoke.js";
import { connectionIdOf, handleManagementRequest } from "./managementApi.js";

/** API Gateway's WebSocket limits the gateway enforces. */
interface WebSocketLimits {
  readonly maxMessageBytes: number;
  readonly idleTimeoutMs: number;
  readonly maxConnectionMs: number;
}

/** The WebSocket API as `realtime` in `packages/functions/src/routes.ts` declares it (extra fields are ignored). */
interface WebSocketApiDefinition {
  readonly authorizer: { readonly handler: HandlerRef; readonly queryParameter: string };
  readonly routes: {
    readonly $connect: { readonly handler: HandlerRef };
    readonly $disconnect: { readonly handler: HandlerRef };
    readonly $default: { readonly handler: HandlerRef };
  };
  readonly limits: WebSocketLimits;
}

/** Options for {@link startLocalWebSocketGateway}. */
export interface LocalWebSocketGatewayOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Stage name, the first path segment (default "local"). */
  readonly stage?: string;
  readonly region: string;
  readonly accountId: string;
  readonly logger: Logger;
  readonly definition: WebSocketApiDefinition;
  /** Overrides of `definition.limits` (tests use tiny timeouts). */
  readonly limits?: Partial<WebSocketLimits>;
  /** Lambda timeout per invocation (default 29 s, API Gateway's integration timeout). */
  readonly timeoutMs?: number;
  /** `requestContext.apiId` and the API id in `methodArn` (default "local"). */
  readonly apiId?: string;
  /** Source of `connectedAt`, `requestTimeEpoch` and `lastActiveAt` (default the system clock). */
  readonly clock?: { now(): number };
}

/** A running local WebSocket API. */
export interface LocalWebSocketGateway {
  /** `ws://127.0.0.1:PORT/local`: where clients connect (with `?token=...`). */
  readonly url: string;
  /** `http://127.0.0.1:PORT/local`: the `endpoint` for `ApiGatewayManagementApiClient`. */
  readonly managementEndpoint: string;
  /** Open connections. */
  connectionCount(): number;
  /** Closes every connection (1001 "Going away", `$disconnect` runs) and the server. */
  close(): Promise<void>;
}

/** A handshake refused with this HTTP status (API Gateway's JSON body). */
class Refusal {
  public constructor(public readonly status: number) {}
}

/**
 * An API Gateway WebSocket API on this machine, in front of the same handler modules that deploy to
 * Lambda: a Lambda REQUEST authorizer on `$connect` (identity source: the query parameter), `$connect`,
 * `$default` for every client frame, `$disconnect`, and the `@connections` management API on the same
 * port. Events have AWS's shapes. A `$default` handler's return value is ignored: API Gateway only
 * sends it back when a route response is configured, and our handlers reply through `@connections`.
 *
 * Tokens travel in the query string, so log lines carry the path only, never the query.
 *
 * @example
 * const gw = await startLocalWebSocketGateway({ port: 0, region, accountId, logger, definition: realtime });
 * const ws = new WebSocket(`${gw.url}?token=${token}`);
 * await new ApiGatewayManagementApiClient({ endpoint: gw.managementEndpoint, region })
 *   .send(new PostToConnectionCommand({ ConnectionId: id, Data: "hi" }));
 */
export async function startLocalWebSocketGateway(o: LocalWebSocketGatewayOptions): Promise<LocalWebSocketGateway> {
  const host = o.host ?? "127.0.0.1";
  const stage = o.stage ?? "local";
  const limits: WebSocketLimits = { ...o.definition.limits, ...o.limits };
  const timeoutMs = o.timeoutMs ?? 29_000;
  const now = (): number => (o.clock ? o.clock.now() : Date.now());
  const log = o.logger.createChild({ persistentLogAttributes: { component: "websocket-gateway" } });
  // Load every handler up front: a broken handler path fails the stage at start, not at first connect.
  const { routes } = o.definition;
  const [authorizer, onConnect, onDisconnect, onDefault] = await Promise.all([
    resolveHandler(o.definition.authorizer.handler),
    resolveHandler(routes.$connect.handler),
    resolveHandler(routes.$disconnect.handler),
    resolveHandler(routes.$default.handler),
  ]);
  const connections = new Map<string, GatewayConnection>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const api: ApiFacts = { apiId: o.apiId ?? "local", stage, region: o.region, accountId: o.accountId };
  let port = o.port;

  const invoke = async (
    h: ResolvedHandler,
    event: Record<string, unknown>,
    routeKey: string,
    connectionId: string,
  ): Promise<unknown> => {
    try {
      return await invokeHandler(h, event, timeoutMs);
    } catch (err) {
      log.error("websocket handler failed", { routeKey, connectionId, handler: h.name, error: err as Error });
      throw err;
    }
  };

  /** Runs the authorizer and `$connect`; resolves the authorizer context, or throws a {@link Refusal}. */
  const admit = async (req: IncomingMessage, url: URL, facts: ConnectionFacts): Promise<AuthorizerContext> => {
    if (!url.searchParams.get(o.definition.authorizer.queryParameter)) throw new Refusal(401); // identity source missing: no authorizer call
    const handshake = { ...handshakeHeaders(req, facts.sourceIp, port), ...queryParameters(url) };
    const started = now();
    let result: unknown;
    try {
      result = await invokeHandler(authorizer, authorizerEvent(api, facts, handshake, started), timeoutMs);
    } catch (err) {
      // The documented way for an authorizer to say 401 is to throw exactly "Unauthorized".
      if (err instanceof Error && err.message === "Unauthorized") throw new Refusal(401);
      log.error("websocket authorizer failed", {
        connectionId: facts.connectionId,
        handler: authorizer.name,
        error: err as Error,
      });
      throw new Refusal(500);
    }
    const verdict = readAuthorizerResult(result, connectMethodArn(api));
    if (verdict.effect === "Invalid") {
      log.error("websocket authorizer returned an invalid policy", {
        connectionId: facts.connectionId,
        why: verdict.why,
      });
      throw new Refusal(500);
    }
    if (verdict.effect === "Deny") throw new Refusal(403);
    const context: AuthorizerContext = {
      ...verdict.context,
      principalId: verdict.principalId,
      integrationLatency: now() - started,
    };
    const reply = (await invoke(
      onConnect,
      connectEvent(api, facts, handshake, context, now()),
      "$connect",
      facts.connectionId,
    ).catch(() => {
      throw new Refusal(500);
    })) as { statusCode?: unknown } | undefined;
    const status = typeof reply?.statusCode === "number" ? reply.statusCode : 200;
    if (status < 200 || status > 299) throw new Refusal(status);
    return context;
  };

  const accept = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    facts: ConnectionFacts,
    context: AuthorizerContext,
  ): void => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: GatewayConnection = new GatewayConnection({
        ws,
        facts,
        authorizer: context,
        idleTimeoutMs: limits.idleTimeoutMs,
        maxConnectionMs: limits.maxConnectionMs,
        now,
        onMessage: async (frame) => {
          // Return values are ignored (no route responses); a failure is logged and the connection stays.
          await invoke(
            onDefault,
            messageEvent(api, facts, context, frame, now()),
            "$default",
            facts.connectionId,
          ).catch(() => undefined);
        },
        onGone: () => connections.delete(facts.connectionId),
        onDisconnect: async (close) => {
          await invoke(
            onDisconnect,
            disconnectEvent(api, facts, context, close, now()),
            "$disconnect",
            facts.connectionId,
          ).catch(() => undefined);
        },
        onError: (err) => log.warn("websocket connection error", { connectionId: facts.connectionId, error: err }),
      });
      connections.set(facts.connectionId, conn);
    });
  };

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== `/${stage}` && url.pathname !== `/${stage}/`) return refuse(socket, 403);
    const facts: ConnectionFacts = {
      connectionId: gatewayId(),
      connectedAt: now(),
      domainName: req.headers.host ?? `${host}:${port}`,
      sourceIp: (req.socket as Socket).remoteAddress ?? "127.0.0.1",
      userAgent: req.headers["user-agent"] ?? "",
    };
    try {
      const context = await admit(req, url, facts);
      if (socket.destroyed) return; // the client gave up while $connect ran
      accept(req, socket, head, facts, context);
    } catch (err) {
      const status = err instanceof Refusal ? err.status : 500;
      if (!(err instanceof Refusal))
        log.error("websocket handshake failed", { path: url.pathname, error: err as Error });
      log.info("websocket handshake refused", { path: url.pathname, status, connectionId: facts.connectionId });
      refuse(socket, status);
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const id = connectionIdOf(pathname, stage);
    if (id !== undefined) {
      handleManagementRequest(req, res, id, {
        stage,
        maxMessageBytes: limits.maxMessageBytes,
        connection: (c) => connections.get(c),
      });
      return;
    }
    const status = pathname === `/${stage}` || pathname === `/${stage}/` ? 426 : 404;
    const body = JSON.stringify({ message: STATUS_CODES[status] });
    res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
  });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined); // a client that resets mid-handshake is not the gateway's fault
    void upgrade(req, socket, head);
  });
  await new Promise<void>((res, rej) => {
    server.once("error", rej);
    server.listen(o.port, host, () => res());
  });
  port = (server.address() as AddressInfo).port;
  const base = `${host}:${port}/${stage}`;

  return {
    url: `ws://${base}`,
    managementEndpoint: `http://${base}`,
    connectionCount: () => connections.size,
    close: async () => {
      const open = [...connections.values()];
      for (const c of open) c.close(1001, "Going away");
      // A peer that never answers the close frame is cut off; $disconnect still runs for it.
      const cutoff = setTimeout(() => {
        for (const c of open) c.terminate();
      }, 2_000);
      await Promise.all(open.map((c) => c.closed));
      clearTimeout(cutoff);
      wss.close();
      await new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      });
    },
  };
}

/** Ends a handshake with an HTTP error, as API Gateway does (`{"message":"Unauthorized"}` etc.). */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  const reason = STATUS_CODES[status] ?? "Error";
  const body = JSON.stringify({ message: status === 500 ? "Internal server error" : reason });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
