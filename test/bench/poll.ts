/**
 * Poll benchmark: what the polling fallback costs in time, on a local stage in this process.
 * - p50 of GET /v1/matchmaking/{ticketId} through the local API gateway (JWT verified on every call)
 *   vs a raw eventually consistent GetItem of the same item with a bare DynamoDB client (target ≤ 2.0×);
 * - p50 of the handler invoked directly with an authorised event (target ≤ 1.3× the raw read);
 * - a steady load: `--rate` polls/s (default 200) for `--seconds` (default 60) over `--players`
 *   (default 200) players through the gateway: errors (target 0) and p99 (target ≤ 25 ms).
 * Run: `npx tsx test/bench/poll.ts [--seconds 10] [--rate 200] [--players 200]` (or `npm run bench`,
 * where `MATCHPLACE_BENCH_POLL_SECONDS` sets the duration). Prints figures with the load average; asserts nothing.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { call, startTestStage, tokenFor } from "../support/stage.js";

const SAMPLES = 400;

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { seconds: { type: "string" }, rate: { type: "string" }, players: { type: "string" } },
    strict: false,
  });
  const seconds = Number(values.seconds ?? process.env["MATCHPLACE_BENCH_POLL_SECONDS"] ?? 60);
  const rate = Number(values.rate ?? 200);
  const playerCount = Number(values.players ?? 200);
  const stage = await startTestStage();
  try {
    const api = stage.endpoints.api;
    const players = Array.from({ length: playerCount }, (_, i) => `poll-${i}`);
    const tokens = await Promise.all(players.map((p) => tokenFor(api, p)));
    const tickets: string[] = [];
    for (let i = 0; i < players.length; i += 1) {
      const r = await call(api, tokens[i], "POST", "/v1/matchmaking", {});
      if (r.status !== 202) throw new Error(`start ${players[i]}: ${r.status} ${JSON.stringify(r.body)}`);
      tickets.push(String(r.body["ticketId"]));
    }
    const raw = new DynamoDBClient({
      endpoint: stage.endpoints.dynamodb,
      region: stage.endpoints.region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    // Each path rotates over the players (each player's reads stay well under the per-player limit).
    let rawNext = 0;
    let gatewayNext = 0;
    let directNext = 0;
    const rawGet = () =>
      raw.send(
        new GetItemCommand({
          TableName: stage.endpoints.tableName,
          Key: { pk: { S: `TICKET#${tickets[rawNext++ % playerCount]}` }, sk: { S: "TICKET" } },
        }),
      );
    const gatewayGet = async () => {
      const k = gatewayNext++ % playerCount;
      const res = await fetch(`${api}/v1/matchmaking/${tickets[k]}`, {
        headers: { authorization: `Bearer ${tokens[k]}` },
      });
      if (res.status !== 200) throw new Error(`poll: ${res.status}`);
      await res.arrayBuffer();
    };
    const { handler } = await import("../../packages/functions/src/matchmaking/get.js");
    const event = (k: number): Parameters<typeof handler>[0] => {
      const ticketId = tickets[k]!;
      return {
        version: "2.0",
        routeKey: "GET /v1/matchmaking/{ticketId}",
        rawPath: `/v1/matchmaking/${ticketId}`,
        rawQueryString: "",
        headers: { authorization: `Bearer ${tokens[k]}` },
        pathParameters: { ticketId },
        requestContext: {
          accountId: "123456789012",
          apiId: "local",
          domainName: "localhost",
          domainPrefix: "localhost",
          stage: "$default",
          time: "",
          timeEpoch: Date.now(),
          requestId: `bench-${Math.random()}`,
          routeKey: "GET /v1/matchmaking/{ticketId}",
          http: {
            method: "GET",
            path: `/v1/matchmaking/${ticketId}`,
            protocol: "HTTP/1.1",
            sourceIp: "127.0.0.1",
            userAgent: "bench",
          },
          authorizer: { principalId: "", integrationLatency: 0, jwt: { claims: { sub: players[k]! }, scopes: [] } },
        },
        isBase64Encoded: false,
      } as unknown as Parameters<typeof handler>[0];
    };
    const context = {
      getRemainingTimeInMillis: () => 10_000,
      functionName: "bench",
      awsRequestId: "bench",
    } as unknown as Parameters<typeof handler>[1];
    const directGet = async () => {
      const r = (await handler(event(directNext++ % playerCount), context)) as { statusCode: number };
      if (r.statusCode !== 200) throw new Error(`direct: ${r.statusCode}`);
    };
    // Warm all three paths, then interleave rounds so drift hits them alike.
    for (const f of [rawGet, gatewayGet, directGet]) await timed(100, f);
    const rounds = { raw: [] as number[], gateway: [] as number[], direct: [] as number[] };
    for (let r = 0; r < 4; r += 1) {
      rounds.raw.push(...(await timed(SAMPLES / 4, rawGet)));
      rounds.gateway.push(...(await timed(SAMPLES / 4, gatewayGet)));
      rounds.direct.push(...(await timed(SAMPLES / 4, directGet)));
    }
    const p50 = {
      raw: percentile(rounds.raw, 50),
      gateway: percentile(rounds.gateway, 50),
      direct: percentile(rounds.direct, 50),
    };
    console.log(
      `poll: p50 raw eventually consistent GetItem ${p50.raw.toFixed(2)} ms; through the local gateway (JWT verified) ${p50.gateway.toFixed(2)} ms = ${(p50.gateway / p50.raw).toFixed(2)}× (target ≤ 2.0×); ` +
        `handler invoked directly ${p50.direct.toFixed(2)} ms = ${(p50.direct / p50.raw).toFixed(2)}× (target ≤ 1.3×) [load ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}]`,
    );

    // Steady load: `rate` polls/s spread over the players, open loop (a slow reply does not slow the sender).
    const latencies: number[] = [];
    let errors = 0;
    const total = Math.round(rate * seconds);
    const started = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const k = i % players.length;
      const t0 = performance.now();
      inflight.push(
        fetch(`${api}/v1/matchmaking/${tickets[k]}`, { headers: { authorization: `Bearer ${tokens[k]}` } })
          .then(async (res) => {
            await res.arrayBuffer();
            if (res.status !== 200) errors += 1;
            latencies.push(performance.now() - t0);
          })
          .catch(() => void (errors += 1)),
      );
    }
    await Promise.all(inflight);
    console.log(
      `poll: ${rate} polls/s for ${seconds} s over ${players.length} players through the gateway: ${errors} errors of ${total}; ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (target 0 errors, p99 ≤ 25 ms) [load ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}]`,
    );
  } finally {
    await stage.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
