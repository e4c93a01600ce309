import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

/**
 * `npm run demo`: a handful of virtual players against the running local stage
 * (token → start matchmaking → poll → connection info), then the matches that formed.
 */
interface Connection {
  ipAddress: string;
  dnsName: string;
  port: number;
  playerSessionId: string;
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"]);

function endpoints(): { api: string } {
  const file = process.env.MATCHPLACE_LOCAL_JSON ?? join(process.cwd(), ".matchplace", "local.json");
  if (!existsSync(file)) {
    process.stderr.write("no local stage found (.matchplace/local.json): start it first with `npm start`\n");
    process.exit(2);
  }
  return JSON.parse(readFileSync(file, "utf8")) as { api: string };
}

async function json(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function player(api: string, playerId: string): Promise<{ playerId: string; status: string; connection?: Connection; waitedMs: number }> {
  const started = Date.now();
  const { token } = (await json(await fetch(`${api}/local/token`, { method: "POST", body: JSON.stringify({ playerId }) }))) as { token: string };
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const start = await fetch(`${api}/v1/matchmaking`, { method: "POST", headers: auth, body: "{}" });
  const ticket = await json(start);
  if (start.status !== 202) throw new Error(`${playerId}: start failed ${start.status} ${JSON.stringify(ticket)}`);
  process.stdout.write(`  ${playerId.padEnd(12)} ticket ${String(ticket.ticketId)} ${String(ticket.status)}\n`);
  let view: Record<string, unknown> = ticket;
  let wait = 250;
  const deadline = Date.now() + 120_000;
  while (!TERMINAL.has(String(view.status)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, wait));
    view = await json(await fetch(`${api}/v1/matchmaking/${String(ticket.ticketId)}`, { headers: auth }));
    wait = Math.min(Number(view.retryAfterMs ?? wait), 2000) || 250;
  }
  return { playerId, status: String(view.status), connection: view.connection as Connection | undefined, waitedMs: Date.now() - started };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { players: { type: "string", default: "8" } } });
  const count = Number(values.players);
  if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error("--players: 1..200");
  const { api } = endpoints();
  const run = Date.now().toString(36);
  process.stdout.write(`${count} virtual players start matchmaking on ${api}\n`);
  const results = await Promise.all(Array.from({ length: count }, (_, i) => player(api, `player${i + 1}-${run}`)));
  const sessions = new Map<string, typeof results>();
  for (const r of results) {
    const key = r.connection ? `${r.connection.dnsName}:${r.connection.port}` : `(${r.status})`;
    sessions.set(key, [...(sessions.get(key) ?? []), r]);
  }
  process.stdout.write(`\nmatches formed: ${[...sessions.keys()].filter((k) => !k.startsWith("(")).length}\n`);
  for (const [key, members] of sessions) {
    process.stdout.write(`\n  game session ${key}\n`);
    for (const m of members) {
      const c = m.connection;
      process.stdout.write(`    ${m.playerId.padEnd(14)} ${m.status.padEnd(10)} ${c ? `${c.ipAddress}:${c.port}  ${c.playerSessionId}` : ""}  (${m.waitedMs} ms)\n`);
    }
  }
  if (results.some((r) => r.status !== "COMPLETED")) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
