import { randomUUID } from "node:crypto";
import type { Logger } from "@aws-lambda-powertools/logger";
import { loadHandler } from "./handlers.js";
import { lambdaContext } from "./api/events.js";

/** A running schedule. */
export interface Schedule {
  stop(): Promise<void>;
}

/** What one scheduled run did: its reply (the reconciler's report) or its error. */
export interface ScheduledRun {
  readonly startedAt: number;
  readonly durationMs: number;
  readonly result?: unknown;
  readonly error?: string;
}

/**
 * Invokes a scheduled handler every `everyMs` with the EventBridge "Scheduled Event" it gets on AWS
 * (SST's `sst.aws.Cron`). Runs never overlap; a failed run is logged and the next one goes ahead.
 */
export async function startSchedule(o: {
  handler: string;
  everyMs: number;
  logger: Logger;
  region: string;
  accountId: string;
  onRun?: (run: ScheduledRun) => void;
}): Promise<Schedule> {
  const fn = await loadHandler(o.handler);
  const log = o.logger.createChild({ persistentLogAttributes: { component: "schedule", handler: o.handler } });
  let running: Promise<void> | undefined;
  const run = (): void => {
    if (running) return;
    const id = randomUUID();
    const event = {
      version: "0",
      id,
      "detail-type": "Scheduled Event",
      source: "aws.events",
      account: o.accountId,
      time: new Date().toISOString(),
      region: o.region,
      resources: [`arn:aws:events:${o.region}:${o.accountId}:rule/matchplace-local-reconcile`],
      detail: {},
    };
    const startedAt = Date.now();
    running = fn(event, lambdaContext("reconcile", id, 60_000, startedAt))
      .then((result: unknown) => o.onRun?.({ startedAt, durationMs: Date.now() - startedAt, result }))
      .catch((err: unknown) => {
        log.error("scheduled run failed", { error: err as Error });
        o.onRun?.({
          startedAt,
          durationMs: Date.now() - startedAt,
          error: err instanceof Error ? err.message : String(err),
        });
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, o.everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      // Let a run in progress finish, but not for longer than a few seconds: stopping wins.
      await Promise.race([running, new Promise((r) => setTimeout(r, 3_000).unref())]);
    },
  };
}
