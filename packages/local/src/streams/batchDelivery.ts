import type { DynamoDBRecord } from "aws-lambda";

/** What one invocation of the function did with a batch. */
export type BatchOutcome =
  | { readonly kind: "ok" }
  /** ReportBatchItemFailures: the records from `index` on are to be retried (those before it are done). */
  | { readonly kind: "partial"; readonly index: number }
  /** The function threw, timed out, or reported a failure Lambda cannot place: the whole batch failed. */
  | { readonly kind: "failed"; readonly error: unknown };

/** A record (or batch) given up on after its retries; what Lambda sends to the on-failure destination. */
interface SkippedRecords {
  readonly records: readonly DynamoDBRecord[];
  readonly attempts: number;
  readonly error?: unknown;
}

/** Dependencies of {@link deliverRecords}. */
export interface BatchDeliveryOptions {
  readonly batchSize: number;
  readonly maxRetryAttempts: number;
  /** Invokes the function with one batch. */
  readonly invoke: (records: DynamoDBRecord[]) => Promise<BatchOutcome>;
  /** Waits before a retry; resolves `false` when the poller is stopping (delivery then gives up quietly). */
  readonly beforeRetry: () => Promise<boolean>;
  readonly onSkip: (skipped: SkippedRecords) => void;
}

/**
 * Reads a function's return value the way Lambda does with `FunctionResponseTypes: ["ReportBatchItemFailures"]`:
 * nothing / an empty list = success; otherwise retry from the lowest failed sequence number. An entry
 * whose `itemIdentifier` is missing or not in the batch fails the whole batch.
 * @example outcomeOf(batch, { batchItemFailures: [{ itemIdentifier: batch[2].dynamodb.SequenceNumber }] }); // { kind: "partial", index: 2 }
 */
export function outcomeOf(batch: readonly DynamoDBRecord[], result: unknown): BatchOutcome {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return { kind: "ok" };
  if (!Array.isArray(failures)) return { kind: "failed", error: new TypeError("batchItemFailures is not a list") };
  if (failures.length === 0) return { kind: "ok" };
  let index = Number.POSITIVE_INFINITY;
  for (const f of failures) {
    const id = (f as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const at = typeof id === "string" && id !== "" ? batch.findIndex((r) => r.dynamodb?.SequenceNumber === id) : -1;
    if (at < 0)
      return {
        kind: "failed",
        error: new TypeError(`batchItemFailures names ${JSON.stringify(id)}, not a record of the batch`),
      };
    index = Math.min(index, at);
  }
  return { kind: "partial", index };
}

/**
 * Hands records (already filtered, in shard order) to the function in batches of `batchSize`, with
 * Lambda's retry rules: a partial failure checkpoints the records before the first failed one and
 * re-delivers from it; a thrown error re-delivers the whole batch. After `maxRetryAttempts` retries of the
 * same starting record, the failed record (partial) or the whole batch (thrown) is skipped through
 * `onSkip` and delivery goes on, so a poison record never blocks the shard.
 * @example await deliverRecords(records, { batchSize: 100, maxRetryAttempts: 5, invoke, beforeRetry, onSkip });
 */
export async function deliverRecords(records: readonly DynamoDBRecord[], o: BatchDeliveryOptions): Promise<void> {
  let pending = records;
  let attempts = 0;
  let failingSeq: string | undefined;
  while (pending.length > 0) {
    const batch = pending.slice(0, Math.max(1, o.batchSize));
    const outcome = await o.invoke(batch);
    if (outcome.kind === "ok") {
      pending = pending.slice(batch.length);
      attempts = 0;
      failingSeq = undefined;
      continue;
    }
    const from = outcome.kind === "partial" ? outcome.index : 0;
    pending = pending.slice(from);
    const seq = pending[0]?.dynamodb?.SequenceNumber;
    // Retries are counted per starting record: progress past it starts a fresh count.
    attempts = seq === failingSeq ? attempts + 1 : 1;
    failingSeq = seq;
    if (attempts > o.maxRetryAttempts) {
      const dropped = outcome.kind === "partial" ? 1 : batch.length;
      o.onSkip({
        records: pending.slice(0, dropped),
        attempts,
        ...(outcome.kind === "failed" ? { error: outcome.error } : {}),
      });
      pending = pending.slice(dropped);
      attempts = 0;
      failingSeq = undefined;
      continue;
    }
    if (!(await o.beforeRetry())) return;
  }
}
