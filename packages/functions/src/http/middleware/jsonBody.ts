import type { MiddlewareObj } from "@middy/core";
import { HttpError } from "../errors.js";
import type { HttpEvent } from "../types.js";

/** Options of {@link jsonBody}. */
export interface JsonBodyOptions {
  /** Largest accepted body in bytes (after base64 decoding). Default 16 KiB. */
  readonly maxBytes?: number;
}

const jsonMime = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Parses a JSON request body into `event.jsonBody`. An empty body parses as `{}` so the schema
 * names the missing fields. Oversized → 413, non-JSON content type → 415, malformed → 400, and a
 * literal `null` body → 400 (it is not an empty body: the caller sent a value that is no object).
 * @example middy(fn).use(jsonBody({ maxBytes: 8192 }))
 */
export function jsonBody(options: JsonBodyOptions = {}): MiddlewareObj<HttpEvent> {
  const maxBytes = options.maxBytes ?? 16 * 1024;
  const jsonBodyBefore = (request: { event: HttpEvent }): void => {
    const { event } = request;
    const raw = event.body ?? "";
    const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
    if (bytes.length > maxBytes) {
      throw new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${maxBytes} bytes`, {
        details: { maxBytes },
      });
    }
    const text = bytes.toString("utf8");
    if (text.trim() === "") {
      event.jsonBody = {};
      return;
    }
    const contentType = event.headers?.["content-type"] ?? "";
    if (!jsonMime.test(contentType)) {
      throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json", {
        details: { contentType: contentType || null },
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      throw new HttpError(400, "INVALID_JSON", "Request body is not valid JSON");
    }
    if (parsed === null) {
      throw new HttpError(400, "VALIDATION_FAILED", "body: must be a JSON object, not null", {
        details: { issues: [{ field: "body", message: "must be a JSON object, not null" }] },
      });
    }
    event.jsonBody = parsed;
  };
  return { before: jsonBodyBefore };
}
