/**
 * The GameLift event consumer: SNS-wrapped (Records[].Sns.Message) or EventBridge-direct FlexMatch
 * and queue placement events, folded into the table with one conditional write per ticket/placement.
 *
 * Failure policy: an infrastructure error throws, so SNS/Lambda retry the delivery (folds are
 * idempotent). A poison message (not a decodable GameLift event) also throws, after the good
 * messages of the delivery are folded and the poison is logged: the platform's retries then land
 * it in the dead-letter queue, where `npm run dlq:redrive` can replay it once the decoder is fixed.
 * Unknown event types are logged and acknowledged. A message that is not GameLift's for this stage
 * (source, account, region, resources, players, fleet, future time, sizes: core's trust.ts) is
 * refused: counted (`RejectedEvents`), logged once with the reason, and acknowledged, never retried.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { lazyMetrics } from "../observability.js";
import middy from "@middy/core";
import { consumeDelivery, once, PoisonMessageError, systemClock } from "@matchplace/core";
import { foldTargets } from "./foldTargets.js";
import { linkedTrust } from "../edge.js";
import { reportOutcomes } from "./report.js";

const logger = new Logger({ serviceName: "matchplace-events" });
const { metrics, logMetrics } = lazyMetrics({ namespace: "matchplace", serviceName: "matchplace-events" });
/** This stage's identity, parsed from the `EventsTrust` link on the first delivery (fails closed: that delivery throws). */
const trust = /* @__PURE__ */ once(linkedTrust);

async function consume(event: unknown): Promise<void> {
  // The client and repositories are built by the first delivery (a missing link fails it, and
  // SNS retries it), as every handler's are: the import holds only code.
  const { outcomes, failure } = await consumeDelivery(event, {
    ...foldTargets(),
    trust: trust(),
    clock: systemClock,
  });
  reportOutcomes(outcomes, logger, metrics());
  if (failure !== undefined) throw failure;
  const poison = outcomes.flatMap((o) => (o.kind === "poison" ? [o.error] : []));
  if (poison.length > 0) throw new PoisonMessageError(poison);
}

/**
 * The delivery's correlation id: the SNS MessageId (SNS delivers one record per invocation; several
 * are joined with commas), or the EventBridge event id for a direct rule target.
 */
export function deliveryCorrelationId(event: unknown): string | undefined {
  const e = event as { Records?: { Sns?: { MessageId?: unknown } }[]; id?: unknown } | null;
  const ids = (e?.Records ?? []).flatMap((r) => (typeof r?.Sns?.MessageId === "string" ? [r.Sns.MessageId] : []));
  if (ids.length > 0) return ids.join(",");
  return typeof e?.id === "string" ? e.id : undefined;
}

/** Lambda entry point (SNS subscription or EventBridge rule target). */
export const handler = middy(consume)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use({
    before: (request: { event: unknown }) => {
      const id = deliveryCorrelationId(request.event);
      if (id !== undefined) logger.setCorrelationId(id);
    },
  })
  .use(logMetrics);
