import { type Clock, systemClock } from "@matchplace/core";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Metrics } from "@aws-lambda-powertools/metrics";
import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { HttpEvent } from "../types.js";

/** The API's Powertools metrics (namespace `matchplace`, service `matchplace-api`), one per process. */
let apiMetrics: Promise<Metrics> | undefined;

/**
 * The API's metrics, loaded and built on first use: Powertools Metrics is imported when the first
 * response is recorded, not when the handler module is (a cheaper cold import).
 */
function httpMetrics(): Promise<Metrics> {
  apiMetrics ??= import("@aws-lambda-powertools/metrics").then(
    ({ Metrics: M }) => new M({ namespace: "matchplace", serviceName: "matchplace-api" }),
  );
  return apiMetrics;
}

/**
 * Sets API Gateway's request id (`requestContext.requestId`) as the Powertools correlation id, so
 * every log line of the request carries it (`correlation_id`), and the route key as a log key.
 * Runs right after `injectLambdaContext` (whose `resetKeys` clears both at the end).
 */
export function correlationId(logger: Logger): MiddlewareObj<HttpEvent> {
  const correlationIdBefore = (request: { event: HttpEvent }): void => {
    const id = request.event.requestContext?.requestId;
    if (id) logger.setCorrelationId(id);
  };
  return { before: correlationIdBefore };
}

/**
 * Per-request metrics of an HTTP route, with the route key (`GET /v1/matchmaking/{ticketId}`) as
 * dimension `route`: `Latency` (ms), `Http4xx` / `Http5xx` (count), plus Powertools' `ColdStart`.
 * Used first in the stack, so it sees the final response (also the one `errorResponse` made).
 */
export function routeMetrics(clock: Clock = systemClock): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2> {
  let started = 0;
  const routeMetricsBefore = (): void => {
    started = clock.now();
  };
  const record = async (request: {
    event: HttpEvent;
    response: APIGatewayProxyStructuredResultV2 | null | undefined;
  }): Promise<void> => {
    const latency = clock.now() - started;
    const metrics = await httpMetrics();
    // Emits `ColdStart` on this instance's first request only.
    metrics.captureColdStartMetric();
    metrics.addDimension("route", request.event.routeKey ?? "unknown");
    const status = request.response?.statusCode ?? 500;
    metrics.addMetric("Latency", "Milliseconds", latency);
    metrics.addMetric("Http4xx", "Count", status >= 400 && status < 500 ? 1 : 0);
    metrics.addMetric("Http5xx", "Count", status >= 500 ? 1 : 0);
    metrics.publishStoredMetrics();
  };
  return { before: routeMetricsBefore, after: record, onError: record };
}
