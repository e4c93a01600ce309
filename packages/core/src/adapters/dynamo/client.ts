import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Options for {@link createDocumentClient}. */
export interface DocumentClientOptions {
  /** Reuse this client instead of building one. */
  readonly client?: DynamoDBClient;
  /** Region; defaults to the SDK's own resolution (AWS_REGION), else `us-east-1`. */
  readonly region?: string;
  /**
   * Endpoint override. Normally unset: the SDK reads `AWS_ENDPOINT_URL_DYNAMODB` itself, which the
   * local stage sets.
   */
  readonly endpoint?: string;
  /** Per-attempt request timeout in ms (default 5000); enforced: a slow attempt fails and is retried. */
  readonly requestTimeoutMs?: number;
  /** Connection timeout in ms (default 1000). */
  readonly connectionTimeoutMs?: number;
  /** Attempts including the first (default 4). */
  readonly maxAttempts?: number;
  /** Extra SDK config (credentials in tests, for example). */
  readonly config?: Omit<DynamoDBClientConfig, "endpoint" | "region" | "maxAttempts" | "requestHandler">;
}

/**
 * Builds a DynamoDBDocumentClient with enforced timeouts and the SDK's standard retry policy
 * (exponential backoff with jitter, throttling-aware). Undefined values are dropped on marshall.
 * @example
 * const doc = createDocumentClient(); // endpoint from AWS_ENDPOINT_URL_DYNAMODB when set
 */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const client =
    options.client ??
    new DynamoDBClient({
      ...options.config,
      region: options.region ?? process.env["AWS_REGION"] ?? "us-east-1",
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      maxAttempts: options.maxAttempts ?? 4,
      retryMode: "standard",
      requestHandler: {
        requestTimeout: options.requestTimeoutMs ?? 5000,
        connectionTimeout: options.connectionTimeoutMs ?? 1000,
        // Without this, @smithy/node-http-handler only logs a warning past requestTimeout and keeps
        // waiting (into the Lambda timeout). Conditional writes make the retry safe.
        throwOnRequestTimeout: true,
      },
    });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
