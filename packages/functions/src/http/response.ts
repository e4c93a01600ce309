import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

/** What a route function returns; the wrapper serializes `body` as JSON. */
export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Builds an API Gateway v2 structured result with a JSON body.
 * @example json({ status: 202, body: { ticketId } })
 */
export function json(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  const hasBody = result.body !== undefined && result.status !== 204 && result.status !== 304;
  return {
    statusCode: result.status,
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      "cache-control": "no-store",
      ...result.headers,
    },
    ...(hasBody ? { body: JSON.stringify(result.body) } : {}),
  };
}
