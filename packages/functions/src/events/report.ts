import type { Logger } from "@aws-lambda-powertools/logger";
import type { Metrics } from "@aws-lambda-powertools/metrics";
import type { MessageOutcome } from "@matchplace/core";

/**
 * Logs one line per folded event (ticketId / placementId, never tokens) and records EMF metrics:
 * `Events` per `EventType`, `EventsApplied`, `DuplicatesDropped` (guard no-ops: duplicate, stale
 * or after a terminal state), `UnknownEvents`, `PoisonMessages`, `RejectedEvents` (refused by the
 * stage's identity checks; one log line with the reason per refused message or item).
 */
export function reportOutcomes(outcomes: readonly MessageOutcome[], logger: Logger, metrics: Metrics): void {
  for (const o of outcomes) {
    if (o.kind === "poison") {
      logger.error("poison message", { error: o.error, raw: o.raw.slice(0, 500) });
      metrics.addMetric("PoisonMessages", "Count", 1);
      continue;
    }
    if (o.kind === "rejected") {
      logger.warn("event rejected", { envelopeId: o.envelopeId, eventType: o.eventType, reason: o.reason });
      metrics.addMetric("RejectedEvents", "Count", 1);
      continue;
    }
    const byType = metrics.singleMetric();
    byType.addDimension("EventType", o.eventType);
    byType.addMetric("Events", "Count", 1);
    if (o.kind === "unknown") {
      logger.warn("unknown event type acknowledged", {
        envelopeId: o.envelopeId,
        eventType: o.eventType,
        detailType: o.detailType,
      });
      metrics.addMetric("UnknownEvents", "Count", 1);
      continue;
    }
    for (const f of o.folds) {
      const key = f.kind === "ticket" ? "ticketId" : "placementId";
      if (f.rejected !== undefined) {
        logger.warn("event rejected", {
          [key]: f.id.slice(0, 128),
          envelopeId: o.envelopeId,
          eventType: o.eventType,
          reason: f.rejected,
        });
        metrics.addMetric("RejectedEvents", "Count", 1);
        continue;
      }
      logger.info(f.applied ? "event folded" : "event dropped by guard", {
        [key]: f.id,
        playerIds: f.playerIds,
        envelopeId: o.envelopeId,
        eventType: o.eventType,
        status: f.status,
      });
      metrics.addMetric(f.applied ? "EventsApplied" : "DuplicatesDropped", "Count", 1);
    }
  }
}
