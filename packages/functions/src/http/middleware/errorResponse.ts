import type { Logger } from "@aws-lambda-powertools/logger";
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { mapError } from "../mapError.js";
import { json } from "../response.js";
import type { HttpEvent } from "../types.js";

/**
 * The one error-mapping middleware: every error becomes `{"error": {"code", "message", "details?"}}`
 * with its status; 429/503 carry `Retry-After`; 5xx messages are generic and logged in full.
 * @example middy(fn).use(errorResponse({ logger }))
 */
export function errorResponse(options: {
  readonly logger: Logger;
}): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2> {
  const errorResponseOnError = (request: {
    error: unknown;
    response: APIGatewayProxyStructuredResultV2 | null;
  }): void => {
    const httpError = mapError(request.error);
    if (httpError.status >= 500) options.logger.error("request failed", { error: request.error as Error });
    else options.logger.info("request refused", { status: httpError.status, code: httpError.code });
    const retryAfter: Record<string, string> = {};
    if (httpError.retryAfterSeconds !== undefined) {
      retryAfter["retry-after"] = String(Math.max(1, Math.ceil(httpError.retryAfterSeconds)));
    }
    request.response = json({
      status: httpError.status,
      headers: retryAfter,
      body: {
        error: {
          code: httpError.code,
          message: httpError.expose ? httpError.message : "Internal error",
          ...(httpError.expose && httpError.details !== undefined ? { details: httpError.details } : {}),
        },
      },
    });
  };
  return { onError: errorResponseOnError };
}
