/**
 * Event-fold benchmark: GameLift events folded per second (SNS event → decode → one conditional
 * UpdateItem per ticket) versus raw conditional UpdateItem calls per second, on the same DynamoDB
 * Local, same concurrency, same run (alternating rounds; best round of each). Target: fold ≥ 0.8× raw.
 * Run: `npx tsx test/bench/fold.ts` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { consumeDelivery } from "@matchplace/core";
import { createDocumentClient, createTable, PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import { startDynamoDbLocal } from "@matchplace/local/dynamodb";

const CONCURRENCY = 16;
const TICKETS = 600; // × 4 events each per fold round
const ROUNDS = 3;
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

/** Runs the benchmark and prints events/s (fold) vs UpdateItem/s (raw). */
export async function run(): Promise<{ foldPerSecond: number; rawPerSecond: number; ratio: number }> {
  const ddb = await startDynamoDbLocal({ port: 0 });
  try {
    const raw = new DynamoDBClient({ endpoint: ddb.endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    const tableName = `bench-${randomUUID()}`;
    await createTable(raw, tableName);
    const doc = createDocumentClient({ client: raw });
    const deps = { tickets: new TicketRepository({ client: doc, tableName }), placements: new PlacementRepository({ client: doc, tableName }) };
    const fold = async (prefix: string): Promise<number> =>
      pool(lifecycleDeliveries(prefix), async (d) => {
        const { failure } = await consumeDelivery(d, { ...deps, now: Date.now() });
        if (failure !== undefined) throw failure;
      });
    const rawUpdates = async (prefix: string): Promise<number> =>
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
      );
    await fold("warm-fold");
    await rawUpdates("warm-raw");
    let best = { fold: 0, raw: 0 };
    for (let r = 0; r < ROUNDS; r += 1) {
      const rawPerSecond = await rawUpdates(`raw-${r}`);
      const foldPerSecond = await fold(`fold-${r}`);
      best = { fold: Math.max(best.fold, foldPerSecond), raw: Math.max(best.raw, rawPerSecond) };
      console.log(`fold round ${r + 1}: ${foldPerSecond.toFixed(0)} events/s folded, ${rawPerSecond.toFixed(0)} raw conditional UpdateItem/s`);
    }
    const ratio = best.fold / best.raw;
    console.log(
      `fold: ${best.fold.toFixed(0)} events/s vs raw ${best.raw.toFixed(0)} UpdateItem/s at concurrency ${CONCURRENCY} → ${ratio.toFixed(2)}× (target ≥ 0.80×)`,
    );
    return { foldPerSecond: best.fold, rawPerSecond: best.raw, ratio };
  } finally {
    await ddb.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
