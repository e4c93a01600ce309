/**
 * Errors of core that the API maps onto HTTP statuses (in one middleware). Adapters translate SDK
 * exceptions into these; core never sees SDK error types.
 */

/** Options shared by every {@link CoreError}. */
export interface CoreErrorOptions {
  readonly cause?: unknown;
  /** Structured, client-safe detail (e.g. the conflicting ticket id). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Base class of core's errors. `code` is a stable machine-readable reason. */
export class CoreError extends Error {
  public readonly code: string;
  public readonly details: Readonly<Record<string, unknown>> | undefined;
  public constructor(code: string, message: string, options: CoreErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "CoreError";
    this.code = code;
    this.details = options.details;
  }
}

/** The thing does not exist, or the caller may not see it (no existence leak). */
export class NotFoundError extends CoreError {
  public constructor(message: string, options: CoreErrorOptions = {}) {
    super("NOT_FOUND", message, options);
    this.name = "NotFoundError";
  }
}

/** The request conflicts with the current state (e.g. an active ticket, a ticket in PLACING). */
export class ConflictError extends CoreError {
  public constructor(code: string, message: string, options: CoreErrorOptions = {}) {
    super(code, message, options);
    this.name = "ConflictError";
  }
}

/** The input is well-formed but not acceptable (e.g. an attribute the rule set does not declare). */
export class InvalidInputError extends CoreError {
  /** Dotted path of the offending field, as the client sent it (e.g. `body.attributes.mode`). */
  public readonly field: string;
  public constructor(field: string, message: string, options: CoreErrorOptions = {}) {
    super("VALIDATION_FAILED", message, options);
    this.name = "InvalidInputError";
    this.field = field;
  }
}

/** The caller may not do this (e.g. a party member starting matchmaking for the party). */
export class ForbiddenError extends CoreError {
  public constructor(code: string, message: string, options: CoreErrorOptions = {}) {
    super(code, message, options);
    this.name = "ForbiddenError";
  }
}

/** Options of retryable errors. */
export interface RetryableErrorOptions extends CoreErrorOptions {
  /** Suggested wait before retrying, in ms. */
  readonly retryAfterMs?: number;
  /** Overrides the code (e.g. `RATE_LIMITED` for our own per-player limit). */
  readonly code?: string;
}

/** A dependency (GameLift) or our own per-player limit refused for now: retry later. */
export class ThrottledError extends CoreError {
  public readonly retryAfterMs: number;
  public constructor(message: string, options: RetryableErrorOptions = {}) {
    super(options.code ?? "THROTTLED", message, options);
    this.name = "ThrottledError";
    this.retryAfterMs = options.retryAfterMs ?? 1000;
  }
}

/** A dependency is down, timed out or answered 5xx: retry later. */
export class UnavailableError extends CoreError {
  public readonly retryAfterMs: number;
  public constructor(message: string, options: RetryableErrorOptions = {}) {
    super("UNAVAILABLE", message, options);
    this.name = "UnavailableError";
    this.retryAfterMs = options.retryAfterMs ?? 2000;
  }
}

/**
 * A call whose outcome cannot be known (timed out, connection reset, 5xx after the request was
 * sent): GameLift may or may not have acted. Never report it as a failure of an idempotent start:
 * the item was stored under the id sent, and events or the reconciler settle it.
 */
export class OutcomeUnknownError extends UnavailableError {
  public constructor(message: string, options: RetryableErrorOptions = {}) {
    super(message, options);
    this.name = "OutcomeUnknownError";
  }
}

/** A result for this game session is already stored (the transaction's put found it). */
export class ResultExistsError extends ConflictError {
  public constructor(options: CoreErrorOptions = {}) {
    super("RESULT_EXISTS", "A result for this game session is already recorded", options);
    this.name = "ResultExistsError";
  }
}

/** A player's ratings changed between read and write (another result landed): rate again. */
export class RatingsChangedError extends ConflictError {
  public constructor(options: CoreErrorOptions = {}) {
    super("RATINGS_CHANGED", "A player's ratings changed concurrently", options);
    this.name = "RatingsChangedError";
  }
}

/** The authenticated caller may not act on this resource (e.g. a game server of another fleet): HTTP 403. */
export class NotPermittedError extends CoreError {
  public constructor(code: string, message: string, options: CoreErrorOptions = {}) {
    super(code, message, options);
    this.name = "NotPermittedError";
  }
}
