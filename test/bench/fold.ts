/**
 * Event-fold benchmark: GameLift events folded per second (SNS delivery → unwrap → decode → patch →
 * one conditional UpdateItem per ticket) versus raw conditional UpdateItem calls per second, on the
 * same DynamoDB Local, same table, same client, same concurrency, same run. Target: fold ≥ 0.8× raw.
 *
 * Sides (each writes 250 fresh tickets × 4 lifecycle events per round, so item populations match):
 * - `fold`: the consumer's path, `consumeDelivery` with the real repositories.
 * - `raw`: the very conditional UpdateItems the fold sends (same expressions, same values), built
 *   ahead and sent straight to DynamoDB: the write without the folding. `fold / raw` is the cost
 *   of folding, and the target's ratio.
 * - `minimal`: a 3-attribute conditional UpdateItem (status, rank, event time; not in the index).
 *   A floor, not a ticket write: it shows what the ticket item itself costs (see `--breakdown`).
 * `--breakdown` adds minimal writes plus one feature of the ticket write each (8 more scalars, the
 * players and connection maps, the eventIds list_append, the `pending` index keys, the full guard)
 * to show where the distance between `raw` and `minimal` goes.
 *
 * Rounds rotate the order of the sides so all see the same machine load (DynamoDB Local's JIT keeps
 * warming for a while, so 3 warm-up rounds come first); ratios are medians of per-round ratios.
 * Node CPU per event is printed per side: it separates the client's share from DynamoDB Local's.
 * Run: `npx tsx test/bench/fold.ts [--breakdown]` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import {
  DynamoDBClient,
  UpdateItemCommand,
  type AttributeValue,
  type UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { consumeDelivery, decodeRaw, systemClock, ticketPatch, unwrapDelivery } from "@matchplace/core";
import {
  buildUpdate,
  createDocumentClient,
  createTable,
  pendingShardFor,
  PlacementRepository,
  TicketRepository,
} from "@matchplace/core/dynamo";
import { startDynamoDbLocal } from "@matchplace/local/dynamodb";

const CONCURRENCY = 16;
const TICKETS = 250; // × 4 events each per round and side
const WARMUP_ROUNDS = 3;
const ROUNDS = 10;
const RETENTION_SECONDS = 86_400;
const CONFIG_ARN = "arn:aws:gamelift:eu-west-1:111122223333:matchmakingconfiguration/arena";
const GS_ARN = "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/gsess-1";

function snsDelivery(
  type: string,
  ticketId: string,
  seq: number,
  extra: Record<string, unknown>,
  players: object[],
): unknown {
  const envelope = {
    version: "0",
    id: randomUUID(),
    "detail-type": "GameLift Matchmaking Event",
    source: "aws.gamelift",
    account: "111122223333",
    time: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
    region: "eu-west-1",
    resources: [CONFIG_ARN],
    detail: { type, tickets: [{ ticketId, startTime: new Date(1_700_000_000_000).toISOString(), players }], ...extra },
  };
  return {
    Records: [
      {
        EventSource: "aws:sns",
        Sns: { Type: "Notification", MessageId: randomUUID(), Message: JSON.stringify(envelope) },
      },
    ],
  };
}

/** Four events per ticket (a full lifecycle, as GameLift sends it), in order per ticket, tickets interleaved. */
function lifecycleDeliveries(prefix: string): unknown[] {
  const out: unknown[] = [];
  for (let step = 0; step < 4; step += 1) {
    for (let i = 0; i < TICKETS; i += 1) {
      const id = `${prefix}-${i}`;
      const p = [
        {
          playerId: `${id}-a`,
          ...(step >= 1 ? { team: "red" } : {}),
          ...(step === 3 ? { playerSessionId: `psess-${id}` } : {}),
        },
      ];
      if (step === 0) out.push(snsDelivery("MatchmakingSearching", id, 1, { estimatedWaitMillis: 10 }, p));
      if (step === 1)
        out.push(
          snsDelivery(
            "PotentialMatchCreated",
            id,
            2,
            { matchId: `m-${id}`, acceptanceRequired: true, acceptanceTimeout: 10, gameSessionInfo: { players: p } },
            p,
          ),
        );
      if (step === 2)
        out.push(
          snsDelivery(
            "AcceptMatchCompleted",
            id,
            3,
            { matchId: `m-${id}`, acceptance: "Accepted", gameSessionInfo: { players: p } },
            p,
          ),
        );
      if (step === 3) {
        const gameSessionInfo = { gameSessionArn: GS_ARN, ipAddress: "10.0.0.1", port: 7777, players: p };
        out.push(snsDelivery("MatchmakingSucceeded", id, 4, { matchId: `m-${id}`, gameSessionInfo }, p));
      }
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

/** The UpdateItem inputs the fold sends for these deliveries (same builder, same values), marshalled ahead. */
function foldWrites(deliveries: readonly unknown[], tableName: string): UpdateItemCommandInput[] {
  const now = Date.now();
  return deliveries.flatMap((d) =>
    unwrapDelivery(d).flatMap((m) => {
      const decoded = decodeRaw(m);
      if (decoded.kind !== "ticket") throw new Error(`bench delivery did not decode: ${decoded.kind}`);
      return decoded.events.map((e): UpdateItemCommandInput => {
        const parts = buildUpdate(ticketPatch(e, now), {
          pendingShard: pendingShardFor("TICKET", e.ticketId),
          expiresAt: Math.floor(now / 1000) + RETENTION_SECONDS,
        });
        return {
          TableName: tableName,
          Key: marshall({ pk: `TICKET#${e.ticketId}`, sk: "TICKET" }),
          UpdateExpression: parts.UpdateExpression,
          ConditionExpression: parts.ConditionExpression,
          ExpressionAttributeNames: parts.ExpressionAttributeNames,
          ExpressionAttributeValues: marshall(parts.ExpressionAttributeValues, { removeUndefinedValues: true }),
        };
      });
    }),
  );
}

/** One `--breakdown` feature: what it adds to the minimal write. */
interface Feature {
  readonly set?: string;
  readonly condition?: string;
  readonly values: Record<string, AttributeValue>;
}

const EVENT_ID: AttributeValue = { S: "0b9e2d1c-4f7a-4a57-9a0e-1c2b3d4e5f60" };
const FEATURES: Record<string, Feature> = {
  "+8 scalars": {
    set: Array.from({ length: 8 }, (_, i) => `a${i} = :a${i}`).join(", "),
    values: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`:a${i}`, { S: `value-${i}-abcdefgh` }])),
  },
  "+maps": {
    set: "players = :pl, #conn = :cn",
    values: {
      ":pl": { M: { "t-1-a": { M: { team: { S: "red" }, playerSessionId: { S: "psess-0123456789" } } } } },
      ":cn": {
        M: { gameSessionArn: { S: GS_ARN }, ipAddress: { S: "10.0.0.1" }, dnsName: { S: "" }, port: { N: "7777" } },
      },
    },
  },
  "+eventIds": { set: "eventId07 = :eid", values: { ":eid": EVENT_ID } },
  "+index": {
    set: "pendingShard = :ps, heardAt = :h",
    values: { ":ps": { S: "TICKET#0" }, ":h": { N: String(Date.now()) } },
  },
  "+guard": {
    condition:
      "attribute_not_exists(pk) OR ((attribute_not_exists(playersKey) OR playersKey = :eid) AND (attribute_not_exists(statusRank) OR statusRank < :term) AND (attribute_not_exists(eventId07) OR eventId07 <> :eid) AND (attribute_not_exists(eventAt) OR eventAt < :t OR (eventAt = :t AND statusRank <= :r)))",
    values: { ":eid": EVENT_ID },
  },
};

type Rates = Record<string, number[]>;

/**
 * Runs the benchmark; prints per-round rates and the summary, and returns the figures.
 * @param breakdown also measure the minimal write plus each feature of the ticket write.
 */
export async function run(breakdown = process.argv.includes("--breakdown")): Promise<{
  foldPerSecond: number;
  rawPerSecond: number;
  minimalPerSecond: number;
  ratio: number;
  minimalRatio: number;
}> {
  const ddb = await startDynamoDbLocal({ port: 0 });
  try {
    const client = new DynamoDBClient({
      endpoint: ddb.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const tableName = `bench-${randomUUID()}`;
    await createTable(client, tableName);
    const doc = createDocumentClient({ client });
    const deps = {
      tickets: new TicketRepository({ client: doc, tableName, retentionSeconds: RETENTION_SECONDS }),
      placements: new PlacementRepository({ client: doc, tableName }),
      trust: { account: "111122223333", region: "eu-west-1", resources: [CONFIG_ARN], fleetIds: ["fleet-1"] },
    };
    const minimal =
      (feature?: Feature) =>
      (prefix: string): Promise<number> =>
        pool(
          Array.from({ length: TICKETS * 4 }, (_, i) => ({
            id: `${prefix}-${i % TICKETS}`,
            seq: Math.floor(i / TICKETS) + 1,
          })),
          async ({ id, seq }) => {
            await client.send(
              new UpdateItemCommand({
                TableName: tableName,
                Key: { pk: { S: `MINIMAL#${id}` }, sk: { S: "TICKET" } },
                UpdateExpression: `SET #s = :s, statusRank = :r, eventAt = :t${feature?.set ? `, ${feature.set}` : ""}`,
                ConditionExpression:
                  feature?.condition ?? "attribute_not_exists(pk) OR (statusRank < :term AND eventAt < :t)",
                ExpressionAttributeNames: {
                  "#s": "status",
                  ...(feature?.set?.includes("#conn") ? { "#conn": "connection" } : {}),
                },
                ExpressionAttributeValues: {
                  ":s": { S: "SEARCHING" },
                  ":r": { N: String(seq) },
                  ":t": { N: String(seq) },
                  ":term": { N: "9" },
                  ...feature?.values,
                },
              }),
            );
          },
        );
    // Events fold only into tickets the API stored first (issue #14): store them, untimed.
    const store = async (prefix: string): Promise<void> => {
      for (let i = 0; i < TICKETS; i += CONCURRENCY) {
        await Promise.all(
          Array.from({ length: Math.min(CONCURRENCY, TICKETS - i) }, (_, k) => {
            const id = `${prefix}-${i + k}`;
            return deps.tickets.create({
              ticketId: id,
              configurationName: "arena",
              playerIds: [`${id}-a`],
              players: {},
              createdAt: 1_699_999_999_000,
            });
          }),
        );
      }
    };
    const sides: Record<string, (prefix: string) => Promise<number>> = {
      fold: async (prefix) => {
        await store(prefix);
        return pool(lifecycleDeliveries(prefix), async (d) => {
          const { failure } = await consumeDelivery(d, { ...deps, clock: systemClock });
          if (failure !== undefined) throw failure;
        });
      },
      raw: async (prefix) => {
        await store(prefix);
        const writes = foldWrites(lifecycleDeliveries(prefix), tableName);
        return pool(writes, async (w) => {
          await client.send(new UpdateItemCommand(w));
        });
      },
      minimal: minimal(),
      ...(breakdown
        ? Object.fromEntries(Object.entries(FEATURES).map(([name, f]) => [`minimal ${name}`, minimal(f)]))
        : {}),
    };
    const names = Object.keys(sides);
    const rates: Rates = Object.fromEntries(names.map((n) => [n, []]));
    const cpu: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r += 1) {
      // Round r starts at side r mod n, so every side runs first, second, ... equally often.
      for (let k = 0; k < names.length; k += 1) {
        const side = names[(((r + k) % names.length) + names.length) % names.length] as string;
        const before = process.cpuUsage();
        const rate = await (sides[side] as (prefix: string) => Promise<number>)(
          `${side.replace(/\W+/g, "")}-${r + WARMUP_ROUNDS}`,
        );
        const used = process.cpuUsage(before);
        if (r < 0) continue;
        rates[side]?.push(rate);
        cpu[side] = (cpu[side] ?? 0) + (used.user + used.system) / (TICKETS * 4);
      }
      if (r >= 0)
        console.log(`fold round ${r + 1}: ${names.map((n) => `${n} ${rates[n]?.[r]?.toFixed(0)}/s`).join(", ")}`);
    }
    const median = (xs: readonly number[]): number => {
      const s = [...xs].sort((a, b) => a - b);
      return ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
    };
    const ratioOf = (a: string, b: string): number => median((rates[a] ?? []).map((x, i) => x / (rates[b]?.[i] ?? x)));
    const harmonic = (xs: readonly number[]): number => xs.length / xs.reduce((acc, x) => acc + 1 / x, 0);
    const perSecond = (n: string): number => harmonic(rates[n] ?? []);
    const ratio = ratioOf("fold", "raw");
    const minimalRatio = ratioOf("fold", "minimal");
    console.log(
      `fold: ${perSecond("fold").toFixed(0)} events/s folded vs ${perSecond("raw").toFixed(0)} raw conditional UpdateItem/s (the same writes, sent straight) ` +
        `at concurrency ${CONCURRENCY}, ${ROUNDS} rotating rounds after ${WARMUP_ROUNDS} warm-up: median ratio fold/raw ${ratio.toFixed(2)}× (target ≥ 0.80×)`,
    );
    console.log(
      `fold: minimal 3-attribute write ${perSecond("minimal").toFixed(0)}/s; fold/minimal ${minimalRatio.toFixed(2)}×, raw/minimal ${ratioOf("raw", "minimal").toFixed(2)}× ` +
        `(what the ticket item costs over a bare status write)`,
    );
    console.log(
      `fold: Node CPU per write: ${names.map((n) => `${n} ${((cpu[n] ?? 0) / ROUNDS).toFixed(0)} µs`).join(", ")}`,
    );
    if (breakdown) {
      console.log(
        `fold: breakdown vs minimal: ${Object.keys(FEATURES)
          .map((f) => `${f} ${ratioOf(`minimal ${f}`, "minimal").toFixed(2)}×`)
          .join(", ")}`,
      );
    }
    return {
      foldPerSecond: perSecond("fold"),
      rawPerSecond: perSecond("raw"),
      minimalPerSecond: perSecond("minimal"),
      ratio,
      minimalRatio,
    };
  } finally {
    await ddb.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
