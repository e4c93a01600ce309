/**
 * HTTP-facing errors. Core errors are mapped onto these in exactly one place (`mapError.ts`).
 */

/** Stable error codes of the `{"error": {"code", ...}}` envelope. */
export type ErrorCode =
  | "BAD_REQUEST"
  | "INVALID_JSON"
  | "VALIDATION_FAILED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "ACTIVE_TICKET_EXISTS"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "IDEMPOTENCY_KEY_REUSED"
  | "IDEMPOTENCY_IN_PROGRESS"
  | "RATE_LIMITED"
  | "THROTTLED"
  | "UNAVAILABLE"
  | "INTERNAL";

/** Options of {@link HttpError}. */
export interface HttpErrorOptions {
  readonly details?: unknown;
  /** Sets `Retry-After` (seconds, rounded up). */
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

/**
 * An error with an HTTP status and a message that is safe to show (4xx) or replaced by a generic
 * message (5xx).
 * @example throw new HttpError(404, "NOT_FOUND", "No such ticket");
 */
export class HttpError extends Error {
  public override readonly name = "HttpError";
  public readonly status: number;
  /** An {@link ErrorCode}, or a core error's more specific code (e.g. `TICKET_PLACING`). */
  public readonly code: string;
  public readonly details: unknown;
  public readonly retryAfterSeconds: number | undefined;

  public constructor(status: number, code: ErrorCode | (string & {}), message: string, options: HttpErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether the message may reach the client verbatim: 4xx, and the generic-by-construction 503. */
  public get expose(): boolean {
    return this.status < 500 || this.status === 503;
  }
}
