import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@aws-lambda-powertools/logger";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as SdkRecord,
  type Shard,
  type ShardIteratorType,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBRecord } from "aws-lambda";
import { StageStartError } from "../errors.js";
import { invokeHandler, resolveHandler, type HandlerRef } from "../websocket/invoke.js";
import { deliverRecords, outcomeOf, type BatchOutcome } from "./batchDelivery.js";
import { assertValidPattern, matchesAnyPattern, type FilterPattern } from "./filterPattern.js";
import { toLambdaRecord } from "./lambdaRecord.js";

/** Options for {@link startStreamPoller}: what a Lambda event source mapping on the table's stream declares. */
export interface StreamPollerOptions {
  /** DynamoDB (Local) endpoint; DynamoDB Streams answers on the same one. */
  readonly endpoint: string;
  readonly region: string;
  readonly tableName: string;
  /** SST handler string (loaded like every local handler) or the function itself. */
  readonly handler: HandlerRef;
  /** `FilterCriteria.Filters[].Pattern`, parsed; a record is delivered when it matches any. Empty = all. */
  readonly filters: readonly FilterPattern[];
  readonly batchSize: number;
  readonly maxRetryAttempts: number;
  /** Pause between empty GetRecords calls and before a retry (default 50 ms). */
  readonly pollIntervalMs?: number;
  /** How often new shards are looked for (default 1 s); a closed shard triggers a look at once. */
  readonly discoverIntervalMs?: number;
  /** Lambda timeout of one invocation (default 60 s); a timeout fails the batch. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

/** A running poller. */
export interface StreamPoller {
  /** The stream read (`eventSourceARN` of every record). */
  readonly streamArn: string;
  /** Stops polling; an invocation in flight finishes first, nothing is retried afterwards. */
  stop(): Promise<void>;
  /** Resolves once every record written before the call has been handed to the handler (or filtered out / skipped). */
  drained(): Promise<void>;
}

const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

interface ShardState {
  readonly id: string;
  /** Number of GetRecords calls started so far. */
  polls: number;
  done: boolean;
  finished: Promise<void>;
  /** Resolvers waiting for an empty poll numbered at least `after`. */
  readonly waiters: { after: number; resolve: () => void }[];
}

/**
 * Reads the table's DynamoDB stream (DynamoDB Local implements it) and hands the records to a Lambda
 * handler exactly as an event source mapping does: Lambda-shaped `{ Records }` events, filter criteria,
 * batches of `batchSize`, ReportBatchItemFailures with `maxRetryAttempts`, shards in order.
 *
 * Shards open at start are read from LATEST, shards discovered later (children after a roll-over) from
 * TRIM_HORIZON once their parent is finished. Skipped records are logged as one structured line each
 * time (the local stand-in for an on-failure destination).
 *
 * @example
 * const poller = await startStreamPoller({ endpoint: ddb.endpoint, region, tableName, handler: realtime.dispatcher.handler,
 *   filters: realtime.dispatcher.filters, batchSize: 100, maxRetryAttempts: 5, logger });
 * await poller.drained();
 * await poller.stop();
 */
export async function startStreamPoller(o: StreamPollerOptions): Promise<StreamPoller> {
  for (const f of o.filters) assertValidPattern(f);
  const pollMs = o.pollIntervalMs ?? 50;
  const timeoutMs = o.timeoutMs ?? 60_000;
  const log = o.logger.createChild({ persistentLogAttributes: { component: "stream-poller", tableName: o.tableName } });
  const ddb = new DynamoDBClient({ endpoint: o.endpoint, region: o.region, credentials: localCredentials });
  const table = await ddb.send(new DescribeTableCommand({ TableName: o.tableName })).finally(() => ddb.destroy());
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn || table.Table?.StreamSpecification?.StreamEnabled === false)
    throw new StageStartError(`table ${o.tableName} has no stream enabled`);
  const handler = await resolveHandler(o.handler);
  const client = new DynamoDBStreamsClient({ endpoint: o.endpoint, region: o.region, credentials: localCredentials });
  const abort = new AbortController();
  const shards = new Map<string, ShardState>();
  const loops = new Set<Promise<void>>();
  const stopped = (): boolean => abort.signal.aborted;
  /** Waits `ms`; `false` when stopping (sleep's rejection on abort is the expected way out). */
  const pause = (ms: number): Promise<boolean> => sleep(ms, true, { signal: abort.signal }).catch(() => false);

  const listShards = async (): Promise<Shard[]> => {
    const out: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await client.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
        { abortSignal: abort.signal },
      );
      out.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return out;
  };

  const iteratorFor = async (shardId: string, type: ShardIteratorType, seq?: string): Promise<string | undefined> => {
    const out = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: type,
        ...(seq ? { SequenceNumber: seq } : {}),
      }),
      { abortSignal: abort.signal },
    );
    return out.ShardIterator;
  };

  const invoke = async (records: DynamoDBRecord[]): Promise<BatchOutcome> => {
    try {
      return outcomeOf(records, await invokeHandler(handler, { Records: records }, timeoutMs, randomUUID()));
    } catch (error) {
      log.warn("stream handler failed; the batch is retried", {
        handler: handler.name,
        records: records.length,
        error: error as Error,
      });
      return { kind: "failed", error };
    }
  };

  const deliver = (shardId: string, records: DynamoDBRecord[]): Promise<void> =>
    deliverRecords(
      records.filter((r) => matchesAnyPattern(o.filters, r)),
      {
        batchSize: o.batchSize,
        maxRetryAttempts: o.maxRetryAttempts,
        invoke,
        beforeRetry: () => pause(pollMs),
        onSkip: (s) =>
          log.error("stream records skipped after retries", {
            shardId,
            eventSourceARN: streamArn,
            attempts: s.attempts,
            sequenceNumbers: s.records.map((r) => r.dynamodb?.SequenceNumber),
            ...(s.error ? { error: s.error as Error } : {}),
          }),
      },
    );

  /** Stream records → Lambda records; one that cannot be converted is logged and skipped, never retried forever. */
  const convert = (shardId: string, raw: readonly SdkRecord[]): DynamoDBRecord[] =>
    raw.flatMap((r) => {
      try {
        return [toLambdaRecord(r, streamArn, o.region)];
      } catch (error) {
        log.error("stream record skipped: cannot convert it", {
          shardId,
          sequenceNumber: r.dynamodb?.SequenceNumber,
          error: error as Error,
        });
        return [];
      }
    });

  const settle = (s: ShardState, poll: number): void => {
    for (let i = s.waiters.length - 1; i >= 0; i -= 1) {
      const w = s.waiters[i];
      if (w && (s.done || poll >= w.after)) {
        s.waiters.splice(i, 1);
        w.resolve();
      }
    }
  };

  /** One shard, in order: GetRecords → deliver → follow NextShardIterator until the shard is closed and read. */
  const readShard = async (s: ShardState, start: ShardIteratorType, firstIterator?: string): Promise<void> => {
    let iterator = firstIterator;
    let lastSeq: string | undefined;
    while (!stopped()) {
      const poll = (s.polls += 1);
      try {
        iterator ??= lastSeq
          ? await iteratorFor(s.id, "AFTER_SEQUENCE_NUMBER", lastSeq)
          : await iteratorFor(s.id, start);
        if (!iterator) break;
        const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }), {
          abortSignal: abort.signal,
        });
        const records = convert(s.id, out.Records ?? []);
        if (records.length > 0) {
          await deliver(s.id, records);
          lastSeq = records.at(-1)?.dynamodb?.SequenceNumber ?? lastSeq;
        }
        iterator = out.NextShardIterator;
        if (records.length === 0) settle(s, poll);
        if (!iterator) break; // closed shard, read to its end
        if (records.length === 0 && !(await pause(pollMs))) break;
      } catch (err) {
        if (stopped()) break;
        const name = (err as { name?: string }).name;
        if (name === "ResourceNotFoundException") break;
        if (name === "TrimmedDataAccessException") {
          // What we would resume after is gone (24 h retention): carry on from the oldest record kept.
          lastSeq = undefined;
          start = "TRIM_HORIZON";
        }
        iterator = undefined; // expired or unusable: take a fresh one after the last record handed over
        if (name !== "ExpiredIteratorException")
          log.warn("stream read failed; retrying", { shardId: s.id, error: err as Error });
        if (!(await pause(Math.max(pollMs, 200)))) break;
      }
    }
    s.done = true;
    settle(s, s.polls);
    if (!stopped()) void discover(); // a closed shard usually has children to pick up
  };

  /** Keeps a shard loop for `stop()`; a loop never rejects (a fault is logged), so children still start. */
  const track = (p: Promise<void>): Promise<void> => {
    const safe = p.catch((err: unknown) => log.error("stream shard reader failed", { error: err as Error }));
    loops.add(safe);
    void safe.finally(() => loops.delete(safe));
    return safe;
  };

  const addShard = (
    shard: Shard,
    start: ShardIteratorType,
    firstIterator?: string,
    parent?: ShardState,
  ): ShardState => {
    const id = shard.ShardId ?? "";
    const s: ShardState = { id, polls: 0, done: false, finished: Promise.resolve(), waiters: [] };
    shards.set(id, s);
    // Children wait for their parent: records of one item stay in order across a roll-over.
    s.finished = track(
      (parent ? parent.finished : Promise.resolve()).then(() =>
        stopped() ? undefined : readShard(s, start, firstIterator),
      ),
    );
    return s;
  };

  let discovering: Promise<void> = Promise.resolve();
  const discoverOnce = async (): Promise<void> => {
    if (stopped()) return;
    for (const shard of await listShards()) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      addShard(shard, "TRIM_HORIZON", undefined, shard.ParentShardId ? shards.get(shard.ParentShardId) : undefined);
    }
  };
  /** Runs a discovery that starts after every one already queued (so it sees shards created before the call). */
  const discover = (): Promise<void> => {
    discovering = discovering.then(discoverOnce, discoverOnce).catch((err: unknown) => {
      if (!stopped()) log.warn("stream shard discovery failed", { error: err as Error });
    });
    return discovering;
  };

  // Shards open now are read from LATEST; iterators are taken before returning, so every write after
  // start is seen. Closed shards hold history from before the poller existed: skipped.
  for (const shard of await listShards()) {
    if (!shard.ShardId) continue;
    if (shard.SequenceNumberRange?.EndingSequenceNumber) {
      shards.set(shard.ShardId, { id: shard.ShardId, polls: 0, done: true, finished: Promise.resolve(), waiters: [] });
      continue;
    }
    addShard(shard, "LATEST", await iteratorFor(shard.ShardId, "LATEST"));
  }
  const discoverLoop = (async (): Promise<void> => {
    while (await pause(o.discoverIntervalMs ?? 1000)) await discover();
  })();

  return {
    streamArn,
    drained: async () => {
      await discover();
      await Promise.all(
        [...shards.values()]
          .filter((s) => !s.done)
          .map((s) => new Promise<void>((resolve) => s.waiters.push({ after: s.polls + 1, resolve }))),
      );
    },
    stop: async () => {
      abort.abort();
      for (const s of shards.values()) {
        s.done = true;
        settle(s, s.polls);
      }
      await discoverLoop;
      await discovering;
      await Promise.allSettled([...loops]);
      client.destroy();
    },
  };
}
