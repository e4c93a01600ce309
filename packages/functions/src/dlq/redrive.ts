/**
 * DLQ redrive (invoked by hand, e.g. `aws lambda invoke`): replays the events dead-letter queue
 * (`Resource.EventsDeadLetter.url`) through the consumer's fold and deletes what it folded; every
 * message is re-vetted against `Resource.EventsTrust` first (refused ones are deleted, never folded).
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { lazyMetrics } from "../observability.js";
import middy from "@middy/core";
import { once, redriveDeadLetters, type RedriveReport, systemClock } from "@matchplace/core";
import { foldTargets } from "../events/foldTargets.js";
import { linkedString, linkedTrust } from "../edge.js";
import { SqsDeadLetterSource } from "./SqsDeadLetterSource.js";

const logger = new Logger({ serviceName: "matchplace-dlq" });
const { metrics, logMetrics } = lazyMetrics({ namespace: "matchplace", serviceName: "matchplace-dlq" });
/** This stage's identity, parsed from the `EventsTrust` link on the first invocation (fails closed: that invocation throws). */
const trust = /* @__PURE__ */ once(linkedTrust);
/** The dead-letter queue, its SQS client built by the first invocation (as the table's is). */
const source = /* @__PURE__ */ once(
  () => new SqsDeadLetterSource({ queueUrl: linkedString("EventsDeadLetter", "url") }),
);

async function run(event: { maxMessages?: number } | null): Promise<RedriveReport> {
  const maxMessages = typeof event?.maxMessages === "number" ? event.maxMessages : 1000;
  const report = await redriveDeadLetters(
    { source: source(), ...foldTargets(), clock: systemClock, trust: trust() },
    { maxMessages },
  );
  metrics().addMetric("DlqMessages", "Count", report.received);
  metrics().addMetric("DlqRedriven", "Count", report.redriven);
  metrics().addMetric("DlqRejected", "Count", report.rejected);
  logger.info("dead letters redriven", { ...report });
  return report;
}

/** Lambda entry point. Input: `{ "maxMessages"?: number }`. */
export const handler = middy(run)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics);
