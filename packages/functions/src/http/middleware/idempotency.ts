import { type Clock, systemClock } from "@matchplace/core";
import { IDEMPOTENT_REPLAY_HEADER } from "../../routes.js";
import { createHash } from "node:crypto";
import type { MiddlewareObj } from "@middy/core";
import type { IdempotencyStore } from "@matchplace/core/dynamo";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { HttpError } from "../errors.js";
import type { HttpEvent } from "../types.js";

/** Options of {@link idempotency}. */
export interface IdempotencyOptions {
  readonly store: () => IdempotencyStore;
  /** Time source (default the system clock). */
  readonly clock?: Clock;
}

const keyPattern = /^[A-Za-z0-9_.:-]{1,128}$/;

/** JSON with object keys sorted, so equal bodies fingerprint equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

type Req = { event: HttpEvent; response: APIGatewayProxyStructuredResultV2 | null; internal: Record<string, unknown> };

/**
 * `Idempotency-Key` support: the same key with the same request replays the first response; the same
 * key with another request → 422; while the first is still running → 409. Failed requests release
 * the key. Without the header the route runs normally.
 * @example httpHandler({ logger, use: [idempotency({ store: idempotencyStore })] }, fn)
 */
export function idempotency(options: IdempotencyOptions): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2> {
  const clock = options.clock ?? systemClock;
  const claimed = new WeakMap<HttpEvent, string>();

  const idempotencyBefore = async (request: Req): Promise<APIGatewayProxyStructuredResultV2 | undefined> => {
    const { event } = request;
    const key = event.headers?.["idempotency-key"];
    if (key === undefined || event.playerId === undefined) return undefined;
    if (!keyPattern.test(key)) {
      throw new HttpError(
        400,
        "VALIDATION_FAILED",
        "headers.idempotency-key: must be 1-128 characters of [A-Za-z0-9_.:-]",
        {
          details: {
            issues: [{ field: "headers.idempotency-key", message: "must be 1-128 characters of [A-Za-z0-9_.:-]" }],
          },
        },
      );
    }
    const fingerprint = createHash("sha256")
      .update(
        `${event.requestContext?.http?.method ?? event.routeKey} ${event.rawPath}\n${canonical(event.jsonBody ?? {})}`,
      )
      .digest("base64url");
    const begun = await options.store().begin(event.playerId, key, fingerprint, clock.now());
    if (begun.kind === "replay") {
      const r = begun.response;
      return {
        statusCode: r.status,
        headers: { ...r.headers, [IDEMPOTENT_REPLAY_HEADER]: "true" },
        ...(typeof r.body === "string" ? { body: r.body } : {}),
      };
    }
    claimed.set(event, key);
    return undefined;
  };

  const idempotencyAfter = async (request: Req): Promise<void> => {
    const key = claimed.get(request.event);
    const response = request.response;
    if (key === undefined || request.event.playerId === undefined || !response) return;
    await options.store().complete(request.event.playerId, key, {
      status: response.statusCode ?? 200,
      body: response.body,
      headers: (response.headers ?? {}) as Record<string, string>,
    });
  };

  const idempotencyOnError = async (request: Req): Promise<void> => {
    const key = claimed.get(request.event);
    if (key === undefined || request.event.playerId === undefined) return;
    try {
      await options.store().abandon(request.event.playerId, key);
    } catch {
      // Keep the original error for the client; the claim becomes reclaimable once stale.
    }
  };

  return { before: idempotencyBefore, after: idempotencyAfter, onError: idempotencyOnError };
}
