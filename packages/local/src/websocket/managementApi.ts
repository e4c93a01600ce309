import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayConnection } from "./GatewayConnection.js";

/** What the management API needs from the gateway. */
export interface ManagementApiDeps {
  readonly stage: string;
  readonly maxMessageBytes: number;
  /** An open connection by id, or undefined (closed, closing or never seen). */
  readonly connection: (id: string) => GatewayConnection | undefined;
}

/** A reply of the management API. */
interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly errorType?: string;
}

const gone = (id: string): Reply => ({
  status: 410,
  errorType: "GoneException",
  body: { message: `Connection ${id} is gone` },
});

/**
 * Matches `/{stage}/@connections/{connectionId}`: what `@aws-sdk/client-apigatewaymanagementapi` requests
 * when its `endpoint` is `http://host:port/{stage}`. Returns the decoded connection id, or undefined.
 */
export function connectionIdOf(pathname: string, stage: string): string | undefined {
  const prefix = `/${stage}/@connections/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length);
  if (rest === "" || rest.includes("/")) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/**
 * Serves one request of the API Gateway Management API (`@connections`): PostToConnection (POST, the
 * body sent as one text frame, 200), GetConnection (GET, `connectedAt`/`identity`/`lastActiveAt` as the
 * SDK parses them), DeleteConnection (DELETE, 204, closes the socket so `$disconnect` runs). A connection
 * that is not open answers 410 `GoneException`; a body over the message limit 413 `PayloadTooLargeException`.
 * SigV4 is not checked (signed requests are accepted as they are).
 */
function serveManagement(
  method: string,
  connectionId: string,
  body: Buffer | "too-large",
  deps: ManagementApiDeps,
): Reply {
  if (method === "POST") {
    if (body === "too-large")
      return {
        status: 413,
        errorType: "PayloadTooLargeException",
        body: { message: `Message too long; max ${deps.maxMessageBytes} bytes` },
      };
    const conn = deps.connection(connectionId);
    if (!conn?.isOpen) return gone(connectionId);
    conn.send(body);
    return { status: 200 };
  }
  const conn = deps.connection(connectionId);
  if (method === "GET") {
    if (!conn?.isOpen) return gone(connectionId);
    return {
      status: 200,
      body: {
        connectedAt: new Date(conn.facts.connectedAt).toISOString(),
        identity: { sourceIp: conn.facts.sourceIp, userAgent: conn.facts.userAgent },
        lastActiveAt: new Date(conn.lastActiveAt).toISOString(),
      },
    };
  }
  if (method === "DELETE") {
    if (!conn?.isOpen) return gone(connectionId);
    conn.close(1000, "");
    return { status: 204 };
  }
  return {
    status: 405,
    errorType: "MethodNotAllowedException",
    body: { message: `${method} is not supported on @connections` },
  };
}

/** Reads the body (stopping to keep it past `limit`), serves it, and writes the reply with API Gateway's headers. */
export function handleManagementRequest(
  req: IncomingMessage,
  res: ServerResponse,
  connectionId: string,
  deps: ManagementApiDeps,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (c: Buffer) => {
    size += c.length;
    if (size <= deps.maxMessageBytes) chunks.push(c);
  });
  req.on("end", () => {
    const reply = serveManagement(
      req.method ?? "GET",
      connectionId,
      size > deps.maxMessageBytes ? "too-large" : Buffer.concat(chunks),
      deps,
    );
    const payload = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body));
    const headers: Record<string, string> = {
      "x-amzn-requestid": randomUUID(),
      "content-length": String(payload.length),
    };
    if (payload.length > 0) headers["content-type"] = "application/json";
    if (reply.errorType) headers["x-amzn-errortype"] = reply.errorType;
    res.writeHead(reply.status, headers);
    res.end(payload);
  });
}
