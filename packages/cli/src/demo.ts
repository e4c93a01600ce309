import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { connectRealtime, createClient, type RealtimeConnection, type Ticket, type UpdateSource } from "@matchplace/client";
import { findLocalConfig } from "./connection.js";

/**
 * `npm run demo`: a handful of virtual players against the running local stage
 * (token → realtime connection → start matchmaking → pushed result → connection info), then the
 * matches that formed. Without a WebSocket API in local.json the players poll instead.
 */
type Connection = NonNullable<Ticket["connection"]>;

interface Endpoints {
  readonly api: string;
  readonly websocket?: string;
}

interface Result {
  readonly playerId: string;
  readonly status: string;
  readonly team?: string;
  readonly connection?: Connection;
  readonly waitedMs: number;
  /** How the final ticket arrived, and how long after the backend recorded it (its `updatedAt`). */
  readonly heard?: { readonly source: UpdateSource; readonly delayMs: number };
}

function endpoints(): Endpoints {
  const file = process.env.MATCHPLACE_LOCAL_JSON ?? findLocalConfig(process.cwd());
  if (file === undefined || !existsSync(file)) {
    process.stderr.write("no local stage found (.matchplace/local.json): start it first with `npm start`\n");
    process.exit(2);
  }
  return JSON.parse(readFileSync(file, "utf8")) as Endpoints;
}

/** Resolves once the socket is open, or after `ms` (the connection then polls until it opens). */
function opened(live: RealtimeConnection, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (live.connected) return resolve();
    const timer = setTimeout(() => (off(), resolve()), ms);
    const off = live.on("open", () => (clearTimeout(timer), off(), resolve()));
  });
}

async function player(ep: Endpoints, playerId: string): Promise<Result> {
  const started = Date.now();
  const res = await fetch(`${ep.api}/local/token`, { method: "POST", body: JSON.stringify({ playerId }) });
  const { token } = (await res.json()) as { token: string };
  const client = createClient({ baseUrl: ep.api, token });
  const live = ep.websocket ? connectRealtime({ url: ep.websocket, token, api: client }) : undefined;
  try {
    if (live) await opened(live, 5000);
    const ticket = await client.startMatchmaking({});
    process.stdout.write(`  ${playerId.padEnd(16)} ticket ${ticket.ticketId} ${ticket.status}\n`);
    let heard: Result["heard"];
    const onChange = (t: Ticket, source: UpdateSource): void => {
      heard = { source, delayMs: Date.now() - Date.parse(t.updatedAt) };
    };
    const view = live ? await live.watchTicket(ticket.ticketId, { timeoutMs: 120_000, onChange }) : await client.waitForTicket(ticket.ticketId, { timeoutMs: 120_000 });
    return { playerId, status: view.status, team: view.match?.team, connection: view.connection, waitedMs: Date.now() - started, heard };
  } finally {
    await live?.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { players: { type: "string", default: "8" } } });
  const count = Number(values.players);
  if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error("--players: 1..200");
  const ep = endpoints();
  const run = Date.now().toString(36);
  process.stdout.write(`${count} virtual players start matchmaking on ${ep.api}${ep.websocket ? ` and hear of their match on ${ep.websocket}` : ""}\n`);
  if (!ep.websocket) process.stdout.write("(no `websocket` in .matchplace/local.json: this stage has no realtime API, so the players poll)\n");
  const results = await Promise.all(Array.from({ length: count }, (_, i) => player(ep, `player${i + 1}-${run}`)));
  const sessions = new Map<string, Result[]>();
  for (const r of results) {
    const key = r.connection ? `${r.connection.dnsName}:${r.connection.port}` : `(${r.status})`;
    sessions.set(key, [...(sessions.get(key) ?? []), r]);
  }
  process.stdout.write(`\nmatches formed: ${[...sessions.keys()].filter((k) => !k.startsWith("(")).length}\n`);
  for (const [key, members] of sessions) {
    process.stdout.write(`\n  game session ${key}\n`);
    for (const m of members) {
      const c = m.connection;
      const heard = m.heard ? `  ${m.heard.source} ${m.heard.delayMs} ms after the match was made` : "";
      process.stdout.write(`    ${m.playerId.padEnd(18)} ${(m.team ?? "").padEnd(5)} ${m.status.padEnd(10)} ${c ? `${c.ipAddress}:${c.port}  ${c.playerSessionId}` : ""}  (${m.waitedMs} ms)${heard}\n`);
    }
  }
  const pushed = results.flatMap((r) => (r.heard?.source === "push" ? [r.heard.delayMs] : [])).sort((a, b) => a - b);
  if (ep.websocket && !pushed.length) process.stdout.write("\nno push arrived: the players fell back to polling (see the stage's log)\n");
  if (pushed.length) process.stdout.write(`\npush delay (match made → message arrived): min ${pushed[0]} ms, median ${pushed[Math.floor(pushed.length / 2)]} ms, max ${pushed[pushed.length - 1]} ms over ${pushed.length} players\n`);
  if (results.some((r) => r.status !== "COMPLETED")) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
