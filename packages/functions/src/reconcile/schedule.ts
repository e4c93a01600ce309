/**
 * The reconciler (EventBridge schedule, every minute): repairs tickets and placements whose events
 * were lost or late, by asking GameLift about the ones that went quiet. Settings (optional env):
 * `MATCHPLACE_RECONCILE_STALE_MS` (30000), `MATCHPLACE_RECONCILE_TICKET_RPS` (5),
 * `MATCHPLACE_RECONCILE_PLACEMENT_RPS` (5), `MATCHPLACE_RETENTION_SECONDS` (86400).
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { lazyMetrics } from "../observability.js";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { once, reconcile, type ReconcileReport, systemClock } from "@matchplace/core";
import { createGameLiftClient, GameLiftReconcileObserver } from "@matchplace/core/gamelift";
import { foldTargets } from "../events/foldTargets.js";
import { numberSetting } from "../edge.js";

const logger = new Logger({ serviceName: "matchplace-reconcile" });
const { metrics, logMetrics } = lazyMetrics({ namespace: "matchplace", serviceName: "matchplace-reconcile" });
// One attempt per call: reconcile paces itself with its own token bucket and backs off on a
// throttle, so SDK retries on top would pay one throttle twice. Built by the first run, as the
// table's client is.
const gamelift = /* @__PURE__ */ once(
  () => new GameLiftReconcileObserver({ client: createGameLiftClient({ maxAttempts: 1, retryMode: "standard" }) }),
);
const options = {
  staleAfterMs: numberSetting("MATCHPLACE_RECONCILE_STALE_MS", 30_000),
  ticketCallsPerSecond: numberSetting("MATCHPLACE_RECONCILE_TICKET_RPS", 5),
  placementCallsPerSecond: numberSetting("MATCHPLACE_RECONCILE_PLACEMENT_RPS", 5),
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(_event: unknown, context: Context): Promise<ReconcileReport> {
  // Leave 5 s of the invocation for the last calls and the metrics flush.
  const deadline = systemClock.now() + Math.max(0, context.getRemainingTimeInMillis() - 5_000);
  const report = await reconcile(
    { ...foldTargets(), gamelift: gamelift(), clock: systemClock, sleep, random: Math.random },
    { ...options, deadline },
  );
  metrics().addMetric("StaleChecked", "Count", report.ticketsChecked + report.placementsChecked);
  metrics().addMetric("StaleReconciled", "Count", report.ticketsRepaired + report.placementsRepaired);
  metrics().addMetric("UnknownFailed", "Count", report.ticketsFailedUnknown + report.placementsFailedUnknown);
  metrics().addMetric("Throttled", "Count", report.throttled);
  metrics().addMetric("ReconcileFailures", "Count", report.failed);
  if (report.failed > 0)
    logger.warn("reconcile items failed (left for the next run)", { failed: report.failed, failures: report.failures });
  logger.info("reconcile run", { ...report });
  return report;
}

/** Lambda entry point (scheduled). */
export const handler = middy(run)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics);
