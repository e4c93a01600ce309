import type { Metrics } from "@aws-lambda-powertools/metrics";
import type { MiddlewareObj } from "@middy/core";

type MetricsOptions = NonNullable<ConstructorParameters<typeof Metrics>[0]>;

/** A Powertools Metrics instance loaded on first use, and the middleware that loads and flushes it. */
export interface LazyMetrics {
  /** The instance; available inside the handler (the middleware's `before` has loaded it). */
  readonly metrics: () => Metrics;
  /** Loads the instance before the handler and publishes its stored metrics after it (or on error), as Powertools' `logMetrics` does. */
  readonly logMetrics: MiddlewareObj;
}

/**
 * Powertools Metrics without its cost at import: `@aws-lambda-powertools/metrics` is imported by the
 * first invocation's middleware, so a cold start does not evaluate it before the handler runs.
 * @example const { metrics, logMetrics } = lazyMetrics({ namespace: "matchplace", serviceName: "matchplace-dlq" });
 */
export function lazyMetrics(options: MetricsOptions): LazyMetrics {
  let loading: Promise<Metrics> | undefined;
  let loaded: Metrics | undefined;
  const load = async (): Promise<void> => {
    loading ??= import("@aws-lambda-powertools/metrics").then(({ Metrics: M }) => new M(options));
    loaded = await loading;
  };
  const publish = (): void => {
    loaded?.publishStoredMetrics();
  };
  return {
    metrics: () => {
      if (loaded === undefined)
        throw new Error("metrics used outside the handler (lazyMetrics' middleware has not run)");
      return loaded;
    },
    logMetrics: { before: load, after: publish, onError: publish },
  };
}
