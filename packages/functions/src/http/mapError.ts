import {
  ConflictError,
  CoreError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  NotPermittedError,
  ResultRejectedError,
  ThrottledError,
  UnavailableError,
} from "@matchplace/core";
import { HttpError } from "./errors.js";

/**
 * Translates anything thrown below the handler into an {@link HttpError}. The one place that knows
 * the status of each core error; unknown errors become a generic 500 (never for client input:
 * every client mistake is caught as a 4xx before reaching core).
 */
export function mapError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof InvalidInputError) {
    return new HttpError(400, "VALIDATION_FAILED", `${err.field}: ${err.message}`, {
      details: { issues: [{ field: err.field, message: err.message }] },
      cause: err,
    });
  }
  if (err instanceof ResultRejectedError) {
    // Well-formed, but it contradicts the match we know: 422 with the specific code and field.
    return new HttpError(422, err.code, `${err.field}: ${err.message}`, { details: { field: err.field }, cause: err });
  }
  if (err instanceof NotPermittedError)
    return new HttpError(403, err.code, err.message, { details: err.details, cause: err });
  if (err instanceof NotFoundError) return new HttpError(404, "NOT_FOUND", err.message, { cause: err });
  if (err instanceof ConflictError && err.code === "IDEMPOTENCY_KEY_REUSED") {
    return new HttpError(422, "IDEMPOTENCY_KEY_REUSED", err.message, { cause: err });
  }
  if (err instanceof ConflictError && err.code === "IDEMPOTENCY_IN_PROGRESS") {
    return new HttpError(409, "IDEMPOTENCY_IN_PROGRESS", err.message, { retryAfterSeconds: 1, cause: err });
  }
  if (err instanceof ConflictError) {
    return new HttpError(409, err.code, err.message, { details: err.details, cause: err });
  }
  if (err instanceof ForbiddenError) {
    // 409, not 403: the caller is authenticated and the resource visible; the state forbids it.
    return new HttpError(409, err.code, err.message, { details: err.details, cause: err });
  }
  if (err instanceof ThrottledError) {
    return new HttpError(429, err.code === "RATE_LIMITED" ? "RATE_LIMITED" : "THROTTLED", err.message, {
      retryAfterSeconds: err.retryAfterMs / 1000,
      details: err.details,
      cause: err,
    });
  }
  if (err instanceof UnavailableError) {
    return new HttpError(503, "UNAVAILABLE", "A dependency is unavailable; retry later", {
      retryAfterSeconds: err.retryAfterMs / 1000,
      cause: err,
    });
  }
  if (err instanceof CoreError) return new HttpError(500, "INTERNAL", "Internal error", { cause: err });
  if (isSdkUnavailable(err)) {
    return new HttpError(503, "UNAVAILABLE", "A dependency is unavailable; retry later", {
      retryAfterSeconds: 2,
      cause: err,
    });
  }
  return new HttpError(500, "INTERNAL", "Internal error", { cause: err });
}

/** DynamoDB (or any SDK) down, throttled past retries, or timing out: worth a retry, not a 500. */
function isSdkUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const meta = (err as { $metadata?: { httpStatusCode?: number } }).$metadata;
  const fault = (err as { $fault?: string }).$fault;
  const networkCodes = ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"];
  const code = (err as { code?: string }).code;
  return (
    fault === "server" ||
    (meta?.httpStatusCode !== undefined && meta.httpStatusCode >= 500) ||
    [
      "TimeoutError",
      "RequestTimeout",
      "ProvisionedThroughputExceededException",
      "ThrottlingException",
      "RequestLimitExceeded",
      "InternalServerError",
      "ServiceUnavailable",
    ].includes(err.name) ||
    (code !== undefined && networkCodes.includes(code))
  );
}
