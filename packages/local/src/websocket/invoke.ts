import { randomUUID } from "node:crypto";
import { lambdaContext } from "../api/events.js";
import { loadHandler, type LambdaHandler } from "../handlers.js";

/** A handler as the realtime parts take it: an SST handler string, or the function itself (tests). */
export type HandlerRef = string | LambdaHandler;

/** A handler did not answer within its Lambda timeout. */
class HandlerTimeoutError extends Error {
  public constructor(name: string, timeoutMs: number) {
    super(`${name} timed out after ${timeoutMs} ms`);
    this.name = "HandlerTimeoutError";
  }
}

/** A loaded handler with the name its logs and Lambda context use. */
export interface ResolvedHandler {
  readonly name: string;
  readonly fn: LambdaHandler;
}

/**
 * Loads a handler string through {@link loadHandler} (the same modules that deploy to Lambda), or takes
 * a function as is.
 * @example const h = await resolveHandler("packages/functions/src/realtime/connect.handler");
 */
export async function resolveHandler(ref: HandlerRef): Promise<ResolvedHandler> {
  if (typeof ref !== "string") return { name: ref.name || "handler", fn: ref };
  const name = ref.replace(/^packages\/functions\/src\//, "").replace(/\W+/g, "-");
  return { name, fn: await loadHandler(ref) };
}

/**
 * Invokes a handler with a Lambda context and its timeout, like one Lambda invocation.
 * Rejects with what the handler threw, or {@link HandlerTimeoutError}.
 * @example const result = await invokeHandler(h, event, 29_000);
 */
export async function invokeHandler(
  h: ResolvedHandler,
  event: unknown,
  timeoutMs: number,
  requestId: string = randomUUID(),
): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new HandlerTimeoutError(h.name, timeoutMs)), timeoutMs);
  });
  try {
    // `Promise.resolve().then` turns a synchronous throw into a rejection like an async handler's.
    return await Promise.race([
      Promise.resolve().then(() => h.fn(event, lambdaContext(h.name, requestId, timeoutMs, Date.now()))),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
