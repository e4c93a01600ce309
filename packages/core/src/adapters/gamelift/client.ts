import { GameLiftClient, type GameLiftClientConfig } from "@aws-sdk/client-gamelift";

/** Options of {@link createGameLiftClient}. */
export interface GameLiftClientOptions {
  /** Reuse this client instead of building one. */
  readonly client?: GameLiftClient;
  /** Region; defaults to AWS_REGION, else `us-east-1`. */
  readonly region?: string;
  /**
   * Endpoint override. Normally unset: the SDK reads `AWS_ENDPOINT_URL_GAMELIFT` itself, which the
   * local stage sets.
   */
  readonly endpoint?: string;
  /** Socket timeout per attempt in ms (default 5000). */
  readonly requestTimeoutMs?: number;
  /** Connection timeout in ms (default 1000). */
  readonly connectionTimeoutMs?: number;
  /** Attempts including the first (default 3). */
  readonly maxAttempts?: number;
  /**
   * `adaptive` (default) adds client-side rate limiting on top of the standard exponential backoff
   * with jitter, so a throttled function slows down instead of hammering GameLift.
   */
  readonly retryMode?: "standard" | "adaptive";
  /** Extra SDK config (credentials in tests, for example). */
  readonly config?: Omit<GameLiftClientConfig, "endpoint" | "region" | "maxAttempts" | "requestHandler" | "retryMode">;
}

/**
 * Builds a GameLiftClient with bounded timeouts and throttling-aware retries (ThrottlingException and
 * LimitExceededException are retried with backoff by the SDK's retry strategy).
 * @example
 * const gamelift = createGameLiftClient(); // endpoint from AWS_ENDPOINT_URL_GAMELIFT when set
 */
export function createGameLiftClient(options: GameLiftClientOptions = {}): GameLiftClient {
  if (options.client) return options.client;
  return new GameLiftClient({
    ...options.config,
    region: options.region ?? process.env["AWS_REGION"] ?? "us-east-1",
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: options.retryMode ?? "adaptive",
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 5000,
      connectionTimeout: options.connectionTimeoutMs ?? 1000,
      // Without this, current @smithy/node-http-handler only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    },
  });
}
