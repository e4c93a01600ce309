import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createClient, type Ticket } from "@matchplace/client";
import { findLocalConfig } from "./connection.js";

/**
 * `npm run demo`: a handful of virtual players against the running local stage
 * (token → start matchmaking → poll → connection info), then the matches that formed.
 */
type Connection = NonNullable<Ticket["connection"]>;

function endpoints(): { api: string } {
  const file = process.env.MATCHPLACE_LOCAL_JSON ?? findLocalConfig(process.cwd());
  if (file === undefined || !existsSync(file)) {
    process.stderr.write("no local stage found (.matchplace/local.json): start it first with `npm start`\n");
    process.exit(2);
  }
  return JSON.parse(readFileSync(file, "utf8")) as { api: string };
}

async function player(api: string, playerId: string): Promise<{ playerId: string; status: string; team?: string; connection?: Connection; waitedMs: number }> {
  const started = Date.now();
  const res = await fetch(`${api}/local/token`, { method: "POST", body: JSON.stringify({ playerId }) });
  const { token } = (await res.json()) as { token: string };
  const client = createClient({ baseUrl: api, token });
  const ticket = await client.startMatchmaking({});
  process.stdout.write(`  ${playerId.padEnd(16)} ticket ${ticket.ticketId} ${ticket.status}\n`);
  const view = await client.waitForTicket(ticket.ticketId, { timeoutMs: 120_000 });
  return { playerId, status: view.status, team: view.match?.team, connection: view.connection, waitedMs: Date.now() - started };
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
      process.stdout.write(`    ${m.playerId.padEnd(18)} ${(m.team ?? "").padEnd(5)} ${m.status.padEnd(10)} ${c ? `${c.ipAddress}:${c.port}  ${c.playerSessionId}` : ""}  (${m.waitedMs} ms)\n`);
    }
  }
  if (results.some((r) => r.status !== "COMPLETED")) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
