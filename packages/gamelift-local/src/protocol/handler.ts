import type { IncomingMessage, ServerResponse } from "node:http";
import { GameLiftError, InternalServiceException, UnknownOperationException } from "../errors.js";
import type { Operation } from "../operations/types.js";
import type { EmulatorContext } from "../engines/context.js";
import { contentType, decodeBody, encodeBody, type Protocol } from "./codec.js";
import { routeOf } from "./route.js";

/** Options of `createRequestHandler`. */
export interface RequestHandlerOptions {
  readonly ctx: EmulatorContext;
  readonly operations: Readonly<Record<string, Operation>>;
  /** Told about exceptions that are not GameLift errors (they reach the client as InternalServiceException). */
  readonly onUnexpectedError?: (err: unknown, operation: string) => void;
  /** Runs before every known operation; may throw a GameLiftError (e.g. an injected ThrottlingException). */
  readonly beforeOperation?: (operation: string) => void;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function send(
  res: ServerResponse,
  protocol: Protocol,
  status: number,
  requestId: string,
  body: Record<string, unknown>,
): void {
  const payload = encodeBody(protocol, body);
  const headers: Record<string, string | number> = {
    "content-type": contentType(protocol),
    "content-length": payload.length,
    "x-amzn-requestid": requestId,
  };
  if (protocol === "cbor") headers["smithy-protocol"] = "rpc-v2-cbor";
  if (typeof body.__type === "string") headers["x-amzn-errortype"] = body.__type;
  res.writeHead(status, headers);
  res.end(payload);
}

function errorBody(err: GameLiftError): Record<string, unknown> {
  return { __type: err.name, message: err.message };
}

/**
 * The HTTP entry point: decodes a GameLift request in either wire protocol, runs the operation and
 * replies in the same protocol. Signatures are not checked.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { ctx, operations } = options;
  return async (req, res) => {
    const requestId = ctx.ids.uuid();
    const route = routeOf(req.method, req.url, req.headers);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain", "x-amzn-requestid": requestId });
      res.end("Not Found");
      return;
    }
    let input: Record<string, unknown>;
    try {
      input = decodeBody(route.protocol, await readBody(req));
    } catch (err) {
      const message = err instanceof Error ? err.message : "malformed request body";
      send(res, route.protocol, 400, requestId, { __type: "SerializationException", message });
      return;
    }
    const operation = Object.hasOwn(operations, route.operation) ? operations[route.operation] : undefined;
    try {
      if (!operation)
        throw new UnknownOperationException(
          `Operation ${route.operation || "(none)"} is not supported by this emulator.`,
        );
      options.beforeOperation?.(route.operation);
      const output = await operation(input, ctx);
      send(res, route.protocol, 200, requestId, output);
    } catch (err) {
      if (!(err instanceof GameLiftError)) options.onUnexpectedError?.(err, route.operation);
      const known = err instanceof GameLiftError ? err : new InternalServiceException("An internal error occurred.");
      send(res, route.protocol, known.status, requestId, errorBody(known));
    }
  };
}
