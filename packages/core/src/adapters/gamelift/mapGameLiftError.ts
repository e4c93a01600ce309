import { ConflictError, NotFoundError, OutcomeUnknownError, ThrottledError, UnavailableError } from "../../errors.js";

const throttling = new Set([
  "ThrottlingException",
  "LimitExceededException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
]);
const unavailable = new Set([
  "InternalServiceException",
  "ServiceUnavailable",
  "TimeoutError",
  "RequestTimeout",
  "AbortError",
]);
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);
/** Failures to connect at all: the request never left, so GameLift certainly did nothing. */
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);

/**
 * Translates an SDK error (after the SDK's own retries) into a core error: a refused connection is
 * `UnavailableError` (not sent), a timeout/reset/5xx is `OutcomeUnknownError` (GameLift may have
 * acted). Only names and metadata
 * are read, so core never depends on SDK error classes.
 * @param invalidRequestCode the ConflictError code an InvalidRequestException means for this operation.
 */
export function mapGameLiftError(err: unknown, invalidRequestCode: string): Error {
  if (!(err instanceof Error)) return new UnavailableError("GameLift call failed", { cause: err });
  const name = err.name;
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const fault = (err as { $fault?: string }).$fault;
  const code = (err as { code?: string }).code;
  if (throttling.has(name))
    return new ThrottledError("GameLift is throttling requests", { cause: err, retryAfterMs: 2000 });
  if (name === "InvalidRequestException") {
    return new ConflictError(invalidRequestCode, err.message || "GameLift refused the request", { cause: err });
  }
  if (name === "NotFoundException") return new NotFoundError(err.message || "Not found in GameLift", { cause: err });
  if (code !== undefined && notSentCodes.has(code))
    return new UnavailableError("GameLift is unreachable", { cause: err, retryAfterMs: 2000 });
  // Sent, but no answer we can trust (timeout, reset, 5xx, aborted): GameLift may have acted.
  if (
    unavailable.has(name) ||
    fault === "server" ||
    (status !== undefined && status >= 500) ||
    (code !== undefined && networkCodes.has(code))
  ) {
    return new OutcomeUnknownError("GameLift did not answer in time", { cause: err, retryAfterMs: 2000 });
  }
  return err;
}
