/**
 * Push-latency benchmark: 1,000 players connected to the local stage's WebSocket API; each gets a
 * ticket written to the table (created, then folded to SEARCHING by a GameLift event), and we time
 * from the write's acknowledgement to the `ticket.updated` message arriving at the player's socket.
 * The path is the real one: DynamoDB Local's stream → the stream poller (its poll interval is the
 * main term) → the dispatcher → `@connections` posts → the socket. Targets: p99 ≤ 300 ms, 0 lost.
 *
 * The stage runs as its own process (`npm start`, as a developer runs it); this process is the
 * crowd: the 1,000 sockets and the writer, so their work does not queue behind the dispatcher's.
 * Each rate (writes/s, default 50 then 100) is one round on the same stage and sockets.
 * Run: `npx tsx test/bench/realtime.ts [--players N] [--rate 50,100]` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createDocumentClient, TicketRepository } from "@matchplace/core/dynamo";
import WebSocket from "ws";
import { startStageProcess } from "../support/stageProcess.js";

/** A dev token from the stage's `POST /local/token`. */
async function token(api: string, playerId: string): Promise<string> {
  const res = await fetch(`${api}/local/token`, {
    method: "POST",
    body: JSON.stringify({ playerId }),
    headers: { "content-type": "application/json" },
  });
  return ((await res.json()) as { token: string }).token;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Connects one raw socket for a player; resolves once open. */
function connect(url: string, token: string, onMessage: (data: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    ws.on("open", () => resolve(ws));
    ws.on("message", (data) => onMessage(String(data)));
    ws.on("error", reject);
  });
}

/** Runs the benchmark and prints p50/p99 delays and the count of lost messages. */
export async function run(argv: readonly string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { players: { type: "string", default: "1000" }, rate: { type: "string", default: "50,100" } },
  });
  const players = Number(values.players);
  const rates = values.rate.split(",").map(Number);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const stage = await startStageProcess();
  const ddb = new DynamoDBClient({
    endpoint: stage.endpoints.dynamodb,
    region: stage.endpoints.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const tickets = new TicketRepository({
    client: createDocumentClient({ client: ddb }),
    tableName: stage.endpoints.tableName,
  });
  const sockets: WebSocket[] = [];
  try {
    const ids = Array.from({ length: players }, (_, i) => `bench-${i}`);
    const written = new Map<string, number>(); // `${ticketId}:${version}` → write acknowledged at
    const delays: number[] = [];
    const expected = new Set<string>();
    const onMessage = (raw: string): void => {
      const m = JSON.parse(raw) as { type: string; ticket?: { ticketId: string; version: number } };
      if (m.type !== "ticket.updated" || m.ticket === undefined) return;
      const key = `${m.ticket.ticketId}:${m.ticket.version}`;
      const at = written.get(key);
      if (at !== undefined && expected.delete(key)) delays.push(performance.now() - at);
    };
    const connectStarted = performance.now();
    for (let i = 0; i < ids.length; i += 50) {
      const batch = ids.slice(i, i + 50);
      const tokens = await Promise.all(batch.map((p) => token(stage.endpoints.api, p)));
      sockets.push(...(await Promise.all(tokens.map((t) => connect(stage.endpoints.websocket, t, onMessage)))));
    }
    const connectMs = performance.now() - connectStarted;

    console.log(`realtime push: ${players} connected players (connected in ${(connectMs / 1000).toFixed(1)} s)`);
    for (const rate of rates) {
      // Two writes per player, paced at `rate` writes/s: a created ticket (version 1), then SEARCHING (version 2).
      delays.length = 0;
      const writeStarted = performance.now();
      const write = async (i: number, version: 1 | 2): Promise<void> => {
        const ticketId = `t${rate}-${ids[i]}`;
        const playerId = ids[i] as string;
        expected.add(`${ticketId}:${version}`);
        if (version === 1)
          await tickets.create({
            ticketId,
            configurationName: "arena",
            playerIds: [playerId],
            players: { [playerId]: {} },
            createdAt: Date.now(),
          });
        else
          await tickets.apply(
            {
              id: `ev-${ticketId}`,
              type: "MatchmakingSearching",
              dedupe: true,
              time: Date.now(),
              ticketId,
              configurationName: "arena",
              status: "SEARCHING",
              playerIds: [playerId],
              players: { [playerId]: {} },
            },
            Date.now(),
          );
        written.set(`${ticketId}:${version}`, performance.now());
      };
      const pending: Promise<void>[] = [];
      for (let n = 0; n < players * 2; n += 1) {
        const due = writeStarted + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(write(n % players, n < players ? 1 : 2));
      }
      await Promise.all(pending);
      const drainDeadline = performance.now() + 10_000;
      while (expected.size > 0 && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 20));

      delays.sort((a, b) => a - b);
      console.log(
        `  ${players * 2} ticket writes at ${rate}/s: write acknowledged → message at the socket p50 ${percentile(delays, 50).toFixed(0)} ms, p90 ${percentile(delays, 90).toFixed(0)} ms, p99 ${percentile(delays, 99).toFixed(0)} ms, max ${(delays.at(-1) ?? NaN).toFixed(0)} ms (target p99 ≤ 300 ms); lost ${expected.size} of ${players * 2} (target 0)`,
      );
      expected.clear();
    }
  } finally {
    for (const s of sockets) s.terminate();
    ddb.destroy();
    await stage.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run(process.argv.slice(2));
