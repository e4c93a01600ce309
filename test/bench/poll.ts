/**
 * Poll benchmark: what the polling fallback costs in time, on a local stage in this process.
 * - p50 of GET /v1/matchmaking/{ticketId} through the local API gateway (JWT verified on every call)
 *   vs a raw eventually consistent GetItem of the same item with a bare DynamoDB client (target ≤ 2.0×).
 *   The poll is sent with `node:http` and a keep-alive agent, the transport the SDK sends the raw
 *   read with, so the ratio weighs the gateway and the handler, not two HTTP clients; the same poll
 *   sent with `fetch` (undici, about 0.3–0.5 ms more per call here) is printed beside it;
 * - p50 of the handler invoked directly with an authorised event (target ≤ 1.3× the raw read);
 * - a steady load: `--rate` polls/s (default 200) for `--seconds` (default 60) over `--players`
 *   (default 200) players through the gateway: errors (target 0) and p99 (target ≤ 25 ms). The load
 *   is sent from a worker thread (as clients are other processes, the sender does not share the
 *   gateway's event loop), open loop over keep-alive connections.
 * Run: `npx tsx test/bench/poll.ts [--seconds 10] [--rate 200] [--players 200]` (or `npm run bench`,
 * where `MATCHPLACE_BENCH_POLL_SECONDS` sets the duration). Prints figures with the load average; asserts nothing.
 */
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { playerGetEvent } from "../support/playerGet.js";
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
    // The tickets match, then wait while their game sessions are placed and their server processes
    // started — work of the local stage on this process's event loop (stalls of 30–110 ms when it
    // ran during the steady load). The measurement starts once every ticket has settled, so it weighs
    // the poll path alone; `crowd.ts` measures the stage under matchmaking load.
    const settled = await settle(raw, stage.endpoints.tableName, tickets, 120_000);
    console.log(`poll: ${settled} of ${tickets.length} tickets settled before measuring`);
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
    const agent = new Agent({ keepAlive: true });
    const gatewayGet = () =>
      new Promise<void>((resolve, reject) => {
        const k = gatewayNext++ % playerCount;
        const req = request(
          `${api}/v1/matchmaking/${tickets[k]}`,
          { agent, headers: { authorization: `Bearer ${tokens[k]}` } },
          (res) => {
            res.resume();
            res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`poll: ${res.statusCode}`))));
          },
        );
        req.on("error", reject);
        req.end();
      });
    let fetchNext = 0;
    const fetchGet = async () => {
      const k = fetchNext++ % playerCount;
      const res = await fetch(`${api}/v1/matchmaking/${tickets[k]}`, {
        headers: { authorization: `Bearer ${tokens[k]}` },
      });
      if (res.status !== 200) throw new Error(`poll: ${res.status}`);
      await res.arrayBuffer();
    };
    const { handler } = await import("../../packages/functions/src/matchmaking/get.js");
    const event = (k: number): Parameters<typeof handler>[0] =>
      playerGetEvent("/v1/matchmaking/{ticketId}", { ticketId: tickets[k]! }, players[k]!, {
        authorization: `Bearer ${tokens[k]}`,
      }) as unknown as Parameters<typeof handler>[0];
    const context = {
      getRemainingTimeInMillis: () => 10_000,
      functionName: "bench",
      awsRequestId: "bench",
    } as unknown as Parameters<typeof handler>[1];
    const directGet = async () => {
      const r = (await handler(event(directNext++ % playerCount), context)) as { statusCode: number };
      if (r.statusCode !== 200) throw new Error(`direct: ${r.statusCode}`);
    };
    // Warm every path, then interleave rounds so drift hits them alike.
    for (const f of [rawGet, gatewayGet, fetchGet, directGet]) await timed(100, f);
    const rounds = { raw: [] as number[], gateway: [] as number[], fetch: [] as number[], direct: [] as number[] };
    for (let r = 0; r < 4; r += 1) {
      rounds.raw.push(...(await timed(SAMPLES / 4, rawGet)));
      rounds.gateway.push(...(await timed(SAMPLES / 4, gatewayGet)));
      rounds.fetch.push(...(await timed(SAMPLES / 4, fetchGet)));
      rounds.direct.push(...(await timed(SAMPLES / 4, directGet)));
    }
    agent.destroy();
    const p50 = {
      raw: percentile(rounds.raw, 50),
      gateway: percentile(rounds.gateway, 50),
      fetch: percentile(rounds.fetch, 50),
      direct: percentile(rounds.direct, 50),
    };
    console.log(
      `poll: p50 raw eventually consistent GetItem ${p50.raw.toFixed(2)} ms; through the local gateway (JWT verified) ${p50.gateway.toFixed(2)} ms = ${(p50.gateway / p50.raw).toFixed(2)}× (target ≤ 2.0×; sent with fetch: ${p50.fetch.toFixed(2)} ms = ${(p50.fetch / p50.raw).toFixed(2)}×); ` +
        `handler invoked directly ${p50.direct.toFixed(2)} ms = ${(p50.direct / p50.raw).toFixed(2)}× (target ≤ 1.3×) [load ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}]`,
    );

    // Steady load: `rate` polls/s spread over the players, open loop (a slow reply does not slow the sender).
    const total = Math.round(rate * seconds);
    const { latencies, errors } = await steadyLoad({ api, tickets, tokens, rate, total });
    console.log(
      `poll: ${rate} polls/s for ${seconds} s over ${players.length} players through the gateway: ${errors} errors of ${total}; ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${percentile(latencies, 100).toFixed(1)} ms (target 0 errors, p99 ≤ 25 ms) [load ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}]`,
    );
  } finally {
    await stage.stop();
  }
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"]);

/** Reads the tickets until every one is in a terminal status or `timeoutMs` passes; the count settled. */
async function settle(
  raw: DynamoDBClient,
  table: string,
  tickets: readonly string[],
  timeoutMs: number,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    let done = 0;
    for (const t of tickets) {
      const r = await raw.send(
        new GetItemCommand({ TableName: table, Key: { pk: { S: `TICKET#${t}` }, sk: { S: "TICKET" } } }),
      );
      if (TERMINAL.has(r.Item?.["status"]?.S ?? "")) done += 1;
    }
    if (done === tickets.length || performance.now() > deadline) return done;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What the load worker is given. */
interface LoadPlan {
  api: string;
  tickets: string[];
  tokens: string[];
  rate: number;
  total: number;
}

/**
 * The steady-load sender, run in a worker thread: `total` polls at `rate` per second, round-robin
 * over the tickets, over keep-alive connections; posts back every latency (ms) and the error count.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { Agent, request } = require("node:http");
const { api, tickets, tokens, rate, total } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const latencies = [];
let errors = 0;
let done = 0;
const finish = () => { agent.destroy(); parentPort.postMessage({ latencies, errors }); };
const one = (k) => {
  const t0 = performance.now();
  const req = request(api + "/v1/matchmaking/" + tickets[k], { agent, headers: { authorization: "Bearer " + tokens[k] } }, (res) => {
    res.resume();
    res.on("end", () => {
      if (res.statusCode !== 200) errors += 1;
      latencies.push(performance.now() - t0);
      if (++done === total) finish();
    });
  });
  req.on("error", () => { errors += 1; if (++done === total) finish(); });
  req.end();
};
const started = performance.now();
let sent = 0;
const tick = () => {
  const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
  while (sent < due) one(sent++ % tickets.length);
  if (sent < total) setTimeout(tick, Math.max(0, started + (sent * 1000) / rate - performance.now()));
};
tick();
`;

function steadyLoad(plan: LoadPlan): Promise<{ latencies: number[]; errors: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: plan });
    worker.once("message", (m: { latencies: number[]; errors: number }) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
