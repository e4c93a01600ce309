/** A non-2xx answer of the API, with the `{"error": {...}}` envelope decoded. */
export class ApiError extends Error {
  public readonly status: number;
  public readonly code: string;
  public readonly details: unknown;
  /** From `Retry-After` (429/503), in ms. */
  public readonly retryAfterMs: number | undefined;

  public constructor(status: number, code: string, message: string, details?: unknown, retryAfterMs?: number) {
    super(`${status} ${code}: ${message}`);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterMs = retryAfterMs;
  }
}
