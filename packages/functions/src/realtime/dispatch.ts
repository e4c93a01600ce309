/**
 * The realtime dispatcher: the table's stream (NEW_AND_OLD_IMAGES, filtered to ticket, placement and
 * party writes by the event source mapping) → a message to every open connection of each player
 * whose view changed, and one MatchEvents message per visible transition.
 *
 * Failure policy (Powertools batch, ReportBatchItemFailures): a record that cannot be read or whose
 * pushes fail is reported as a batch item failure; the others are still delivered. Lambda retries
 * from the first failed record, so a record may be delivered twice: clients keep the highest
 * `version` they have seen and MatchEvents subscribers deduplicate on `id`. Records of one item are
 * handled in stream order; different items in parallel. A connection API Gateway calls gone is removed.
 */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { lazyMetrics } from "../observability.js";
import middy from "@middy/core";
import { matchEventFor, pushesFor, type ItemChange } from "@matchplace/core";
import { itemChangeOf, type StreamImages } from "@matchplace/core/dynamo";
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { realtimeComponent } from "./logger.js";
import { matchEventPublisher } from "../events/matchEvents.js";
import { notifier } from "./notifier.js";
import { clock, connections } from "./services.js";

const logger = realtimeComponent("realtime.dispatch");
const { metrics, logMetrics } = lazyMetrics({ namespace: "matchplace", serviceName: "matchplace-realtime" });
const processor = new BatchProcessor(EventType.DynamoDBStreams);

/** Sends one change's messages to every live connection of its players; removes gone connections. */
async function push(change: ItemChange, now: number): Promise<number> {
  let sent = 0;
  const failures: unknown[] = [];
  await Promise.all(
    pushesFor(change, now).map(async ({ playerId, message }) => {
      const live = await connections().listForPlayer(playerId, now);
      await Promise.all(
        live.map(async (c) => {
          try {
            if ((await notifier().post(c.connectionId, message)) === "gone")
              await connections().remove(playerId, c.connectionId);
            else sent += 1;
          } catch (err) {
            failures.push(err);
          }
        }),
      );
    }),
  );
  // Every connection was tried; a failed post fails the record so Lambda retries it (clients drop repeats by version).
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} post(s) failed`);
  return sent;
}

async function dispatchRecord(record: DynamoDBRecord): Promise<void> {
  const change = itemChangeOf(record.dynamodb as StreamImages);
  if (change === undefined) return;
  const now = clock.now();
  const sent = await push(change, now);
  if (sent > 0) metrics().addMetric("messagesPushed", "Count", sent);
  const outbound = matchEventFor(change);
  if (outbound !== undefined) {
    await matchEventPublisher().publish(outbound);
    metrics().addMetric("matchEventsPublished", "Count", 1);
  }
}

/** Runs the records of one item in stream order and different items concurrently. */
function inItemOrder(): (record: DynamoDBRecord) => Promise<void> {
  const chains = new Map<string, Promise<void>>();
  return (record) => {
    const key = JSON.stringify(record.dynamodb?.Keys ?? record.eventID);
    const next = (chains.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => dispatchRecord(record));
    chains.set(key, next);
    return next;
  };
}

async function dispatch(event: DynamoDBStreamEvent, context: Context) {
  const result = await processPartialResponse(event, inItemOrder(), processor, {
    context,
    throwOnFullBatchFailure: false,
  });
  metrics().addMetric("recordsDispatched", "Count", event.Records.length - result.batchItemFailures.length);
  if (result.batchItemFailures.length > 0) {
    logger.warn("records not dispatched; Lambda retries from the first", {
      sequenceNumbers: result.batchItemFailures.map((f) => f.itemIdentifier),
      errors: processor.errors.map((e) => `${e.name}: ${e.message}`),
    });
  }
  return result;
}

/** Lambda entry point (DynamoDB Streams event source mapping with ReportBatchItemFailures). */
export const handler = middy(dispatch)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics);
