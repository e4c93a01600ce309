/**
 * Event-fold benchmark: GameLift events folded per second (SNS event → decode → one conditional
 * UpdateItem per ticket) versus raw conditional UpdateItem calls per second, on the same DynamoDB
 * Local, same concurrency, same run. Rounds rotate the order of the sides so all see the same
 * machine load; ratios are medians of per-round ratios. A third side sends the fold's exact
 * UpdateItem pre-built, which separates our decode/marshalling cost from the heavier write.
 * Target: fold ≥ 0.8× raw.
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

type Side = "fold" | "raw" | "same";

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
 * Runs the benchmark and prints events/s folded vs raw conditional UpdateItem/s (a minimal write),
 * and vs the very UpdateItem the fold sends, pre-built (isolates decode + marshalling overhead).
 */
export async function run(): Promise<{ foldPerSecond: number; rawPerSecond: number; ratio: number; sameWriteRatio: number }> {
  const ddb = await startDynamoDbLocal({ port: 0 });
  try {
    const raw = new DynamoDBClient({ endpoint: ddb.endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    const tableName = `bench-${randomUUID()}`;
    await createTable(raw, tableName);
    const doc = createDocumentClient({ client: raw });
    const deps = { tickets: new TicketRepository({ client: doc, tableName }), placements: new PlacementRepository({ client: doc, tableName }) };
    const sides: Record<Side, (prefix: string) => Promise<number>> = {
      fold: (prefix) =>
        pool(lifecycleDeliveries(prefix), async (d) => {
          const { failure } = await consumeDelivery(d, { ...deps, now: Date.now() });
          if (failure !== undefined) throw failure;
        }),
      raw: (prefix) =>
        pool(
          Array.from({ length: TICKETS * 4 }, (_, i) => ({ id: `${prefix}-${i % TICKETS}`, seq: Math.floor(i / TICKETS) + 1 })),
          async ({ id, seq }) => {
            await raw.send(
              new UpdateItemCommand({
                TableName: tableName,
                Key: { pk: { S: `RAW#${id}` }, sk: { S: "TICKET" } },
                UpdateExpression: "SET #s = :s, statusRank = :r, eventAt = :t",
                ConditionExpression: "attribute_not_exists(pk) OR (statusRank < :term AND eventAt < :t)",
                ExpressionAttributeNames: { "#s": "status" },
                ExpressionAttributeValues: { ":s": { S: "SEARCHING" }, ":r": { N: String(seq) }, ":t": { N: String(seq) }, ":term": { N: "9" } },
              }),
            );
          },
        ),
      same: (prefix) => {
        const writes = sameWrites(lifecycleDeliveries(prefix), tableName);
        return pool(writes, async (w) => {
          await raw.send(new UpdateItemCommand(w));
        });
      },
    };
    for (const side of ["fold", "raw", "same"] as const) await sides[side](`warm-${side}`);
    const rates: Record<Side, number[]> = { fold: [], raw: [], same: [] };
    const orders: readonly (readonly Side[])[] = [["raw", "fold", "same"], ["fold", "same", "raw"], ["same", "raw", "fold"]];
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const side of orders[r % orders.length] ?? []) rates[side].push(await sides[side](`${side}-${r}`));
      console.log(`fold round ${r + 1}: ${rates.fold[r]?.toFixed(0)} events/s folded, ${rates.raw[r]?.toFixed(0)} raw UpdateItem/s, ${rates.same[r]?.toFixed(0)} same-write UpdateItem/s`);
    }
    const median = (xs: readonly number[]): number => {
      const s = [...xs].sort((a, b) => a - b);
      return ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
    };
    const ratio = median(rates.fold.map((f, i) => f / (rates.raw[i] ?? f)));
    const sameWriteRatio = median(rates.fold.map((f, i) => f / (rates.same[i] ?? f)));
    const harmonic = (xs: readonly number[]): number => xs.length / xs.reduce((a, x) => a + 1 / x, 0);
    const foldPerSecond = harmonic(rates.fold);
    const rawPerSecond = harmonic(rates.raw);
    console.log(
      `fold: ${foldPerSecond.toFixed(0)} events/s vs raw ${rawPerSecond.toFixed(0)} UpdateItem/s vs same-write ${harmonic(rates.same).toFixed(0)} UpdateItem/s ` +
        `at concurrency ${CONCURRENCY}, ${ROUNDS} rotating rounds; median ratio fold/raw ${ratio.toFixed(2)}×, fold/same-write ${sameWriteRatio.toFixed(2)}× (target ≥ 0.80×)`,
    );
    return { foldPerSecond, rawPerSecond, ratio, sameWriteRatio };
  } finally {
    await ddb.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
