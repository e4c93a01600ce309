/**
 * Event-fold benchmark: GameLift events folded per second (SNS event → decode → one conditional
 * UpdateItem per ticket) versus raw conditional UpdateItem calls per second, on the same DynamoDB
 * Local, same table, same concurrency, same run. Rounds rotate the order of the sides so all see
 * the same machine load; ratios are medians of per-round ratios. Every side writes 100 fresh items
 * × 4 writes per round (the first write creates the item), so item populations match.
 *
 * Sides:
 * - `fold`: the consumer path (unwrap, decode, patch, marshal, one conditional UpdateItem).
 * - `raw`: a minimal conditional UpdateItem (status, rank, event time). Its item never carries
 *   `pendingShard`, so it is not in the sparse `pending` GSI and the write maintains no index.
 * - `indexed`: the same minimal conditional UpdateItem, plus the two attributes every write to a
 *   live ticket must carry in this table: `pendingShard` (the item is in the `pending` GSI while not
 *   terminal) and `heardAt` = now (the GSI range key the reconciler's staleness query reads). A
 *   ticket that is not in the index, or whose heardAt does not move when we hear of it, would be
 *   reconciled wrongly, so no correct fold can write less than this; `raw` is kept and printed too
 *   because it is the literal baseline, but it undercounts what a ticket write costs.
 * - `same`: the fold's exact UpdateItem, pre-built; separates decode/marshalling cost from the write.
 * Target: fold ≥ 0.8× raw (both ratios are printed: vs `raw` and vs `indexed`).
 * Run: `npx tsx test/bench/fold.ts` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { DynamoDBClient, UpdateItemCommand, type UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { consumeDelivery, decodeRaw, ticketPatch, unwrapDelivery } from "@matchplace/core";
import { buildUpdate, createDocumentClient, createTable, pendingShardFor, PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import { startDynamoDbLocal } from "@matchplace/local/dynamodb";

const CONCURRENCY = 16;
const TICKETS = 100; // × 4 events each per round
const ROUNDS = 10;
const CONFIG_ARN = "arn:aws:gamelift:eu-west-1:111122223333:matchmakingconfiguration/arena";
const GS_ARN = "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/gsess-1";

function snsDelivery(type: string, ticketId: string, seq: number, extra: Record<string, unknown>, players: object[]): unknown {
  const envelope = {
    version: "0", id: randomUUID(), "detail-type": "GameLift Matchmaking Event", source: "aws.gamelift", account: "111122223333",
    time: new Date(1_700_000_000_000 + seq * 1000).toISOString(), region: "eu-west-1", resources: [CONFIG_ARN],
    detail: { type, tickets: [{ ticketId, startTime: new Date(1_700_000_000_000).toISOString(), players }], gameSessionInfo: { players }, ...extra },
  };
  return { Records: [{ EventSource: "aws:sns", Sns: { Type: "Notification", MessageId: randomUUID(), Message: JSON.stringify(envelope) } }] };
}

/** Four events per ticket (a full lifecycle), in order per ticket, tickets interleaved. */
function lifecycleDeliveries(prefix: string): unknown[] {
  const out: unknown[] = [];
  for (let step = 0; step < 4; step += 1) {
    for (let i = 0; i < TICKETS; i += 1) {
      const id = `${prefix}-${i}`;
      const p = [{ playerId: `${id}-a`, team: "red", ...(step === 3 ? { playerSessionId: `psess-${id}` } : {}) }];
      if (step === 0) out.push(snsDelivery("MatchmakingSearching", id, 1, { estimatedWaitMillis: 10 }, p));
      if (step === 1) out.push(snsDelivery("PotentialMatchCreated", id, 2, { matchId: `m-${id}`, acceptanceRequired: true, acceptanceTimeout: 10 }, p));
      if (step === 2) out.push(snsDelivery("AcceptMatchCompleted", id, 3, { matchId: `m-${id}`, acceptance: "Accepted" }, p));
      if (step === 3) out.push(snsDelivery("MatchmakingSucceeded", id, 4, { matchId: `m-${id}` }, p));
    }
  }
  return out;
}

async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item as T);
      }
    }),
  );
  return items.length / ((performance.now() - start) / 1000);
}

type Side = "fold" | "raw" | "indexed" | "same";
const SIDES: readonly Side[] = ["fold", "raw", "indexed", "same"];

/** The UpdateItem inputs the fold would send for these deliveries, marshalled ahead (no decode cost). */
function sameWrites(deliveries: readonly unknown[], tableName: string): UpdateItemCommandInput[] {
  return deliveries.flatMap((d) =>
    unwrapDelivery(d).flatMap((m) => {
      const decoded = decodeRaw(m);
      if (decoded.kind !== "ticket") return [];
      return decoded.events.map((e): UpdateItemCommandInput => {
        const parts = buildUpdate(ticketPatch(e, Date.now()), { pendingShard: pendingShardFor("TICKET", e.ticketId), expiresAt: 1 });
        return {
          TableName: tableName,
          Key: marshall({ pk: `SAME#${e.ticketId}`, sk: "TICKET" }),
          UpdateExpression: parts.UpdateExpression,
          ConditionExpression: parts.ConditionExpression,
          ExpressionAttributeNames: parts.ExpressionAttributeNames,
          ExpressionAttributeValues: marshall(parts.ExpressionAttributeValues, { removeUndefinedValues: true }),
        };
      });
    }),
  );
}

/**
 * Runs the benchmark and prints events/s folded vs raw conditional UpdateItem/s (a minimal write,
 * without and with the `pending` GSI attributes), and vs the very UpdateItem the fold sends,
 * pre-built (isolates decode + marshalling overhead).
 */
export async function run(): Promise<{ foldPerSecond: number; rawPerSecond: number; indexedPerSecond: number; ratio: number; indexedRatio: number; sameWriteRatio: number }> {
  const ddb = await startDynamoDbLocal({ port: 0 });
  try {
    const raw = new DynamoDBClient({ endpoint: ddb.endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    const tableName = `bench-${randomUUID()}`;
    await createTable(raw, tableName);
    const doc = createDocumentClient({ client: raw });
    const deps = { tickets: new TicketRepository({ client: doc, tableName }), placements: new PlacementRepository({ client: doc, tableName }) };
    /** The minimal conditional write; `indexed` adds what keeps a live ticket in the `pending` GSI. */
    const minimalWrites = (prefix: string, indexed: boolean): Promise<number> =>
      pool(
        Array.from({ length: TICKETS * 4 }, (_, i) => ({ id: `${prefix}-${i % TICKETS}`, seq: Math.floor(i / TICKETS) + 1 })),
        async ({ id, seq }) => {
          await raw.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: { pk: { S: `RAW#${id}` }, sk: { S: "TICKET" } },
              UpdateExpression: `SET #s = :s, statusRank = :r, eventAt = :t${indexed ? ", pendingShard = :p, heardAt = :h" : ""}`,
              ConditionExpression: "attribute_not_exists(pk) OR (statusRank < :term AND eventAt < :t)",
              ExpressionAttributeNames: { "#s": "status" },
              ExpressionAttributeValues: {
                ":s": { S: "SEARCHING" }, ":r": { N: String(seq) }, ":t": { N: String(seq) }, ":term": { N: "9" },
                ...(indexed ? { ":p": { S: pendingShardFor("TICKET", id) }, ":h": { N: String(Date.now()) } } : {}),
              },
            }),
          );
        },
      );
    const sides: Record<Side, (prefix: string) => Promise<number>> = {
      fold: (prefix) =>
        pool(lifecycleDeliveries(prefix), async (d) => {
          const { failure } = await consumeDelivery(d, { ...deps, now: Date.now() });
          if (failure !== undefined) throw failure;
        }),
      raw: (prefix) => minimalWrites(prefix, false),
      indexed: (prefix) => minimalWrites(prefix, true),
      same: (prefix) => {
        const writes = sameWrites(lifecycleDeliveries(prefix), tableName);
        return pool(writes, async (w) => {
          await raw.send(new UpdateItemCommand(w));
        });
      },
    };
    for (const side of SIDES) await sides[side](`warm-${side}`);
    const rates: Record<Side, number[]> = { fold: [], raw: [], indexed: [], same: [] };
    for (let r = 0; r < ROUNDS; r += 1) {
      // Round r starts at side r mod 4, so every side runs first, second, ... equally often.
      for (let k = 0; k < SIDES.length; k += 1) {
        const side = SIDES[(r + k) % SIDES.length] as Side;
        rates[side].push(await sides[side](`${side}-${r}`));
      }
      console.log(
        `fold round ${r + 1}: ${rates.fold[r]?.toFixed(0)} events/s folded, ${rates.raw[r]?.toFixed(0)} raw UpdateItem/s, ` +
          `${rates.indexed[r]?.toFixed(0)} indexed raw UpdateItem/s, ${rates.same[r]?.toFixed(0)} same-write UpdateItem/s`,
      );
    }
    const median = (xs: readonly number[]): number => {
      const s = [...xs].sort((a, b) => a - b);
      return ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
    };
    const ratioOf = (other: Side): number => median(rates.fold.map((f, i) => f / (rates[other][i] ?? f)));
    const ratio = ratioOf("raw");
    const indexedRatio = ratioOf("indexed");
    const sameWriteRatio = ratioOf("same");
    const harmonic = (xs: readonly number[]): number => xs.length / xs.reduce((a, x) => a + 1 / x, 0);
    const foldPerSecond = harmonic(rates.fold);
    const rawPerSecond = harmonic(rates.raw);
    const indexedPerSecond = harmonic(rates.indexed);
    console.log(
      `fold: ${foldPerSecond.toFixed(0)} events/s vs raw ${rawPerSecond.toFixed(0)} UpdateItem/s vs indexed raw ${indexedPerSecond.toFixed(0)} UpdateItem/s ` +
        `vs same-write ${harmonic(rates.same).toFixed(0)} UpdateItem/s at concurrency ${CONCURRENCY}, ${ROUNDS} rotating rounds; ` +
        `median ratio fold/raw ${ratio.toFixed(2)}×, fold/indexed raw ${indexedRatio.toFixed(2)}×, fold/same-write ${sameWriteRatio.toFixed(2)}× (target ≥ 0.80×)`,
    );
    return { foldPerSecond, rawPerSecond, indexedPerSecond, ratio, indexedRatio, sameWriteRatio };
  } finally {
    await ddb.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
