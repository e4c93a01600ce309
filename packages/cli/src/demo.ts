import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DescribePlayerSessionsCommand, GameLiftClient, TerminateGameSessionCommand } from "@aws-sdk/client-gamelift";
import {
  connectRealtime,
  createClient,
  type RealtimeConnection,
  type Ticket,
  type UpdateSource,
} from "@matchplace/client";
import { findLocalConfig } from "./connection.js";
import { signedPost, type ServerSigningCredentials } from "./serverSigner.js";

/**
 * `npm run demo`: a handful of virtual players against the running local stage
 * (token → realtime connection → start matchmaking → pushed result → connection info), then the
 * matches that formed. Without a WebSocket API in local.json the players poll instead.
 * `--rounds N` plays on: after each round a game server reports each match's result (signed with
 * the stage's `serverCredentials`), ends the session and GameLift terminates it; the next round's
 * matchmaking uses the updated ratings.
 */
type Connection = NonNullable<Ticket["connection"]>;

interface Endpoints {
  readonly api: string;
  readonly websocket?: string;
  readonly gamelift?: string;
  readonly region?: string;
  readonly serverCredentials?: ServerSigningCredentials;
}

interface Result {
  readonly playerId: string;
  readonly status: string;
  readonly team?: string;
  /** The skill matchmaking used (GET /v1/players/me when the ticket started). */
  readonly skill?: number;
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
    const timer = setTimeout(() => {
      off();
      resolve();
    }, ms);
    const off = live.on("open", () => {
      clearTimeout(timer);
      off();
      resolve();
    });
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
    const { skill } = await client.getMe();
    const ticket = await client.startMatchmaking({});
    process.stdout.write(`  ${playerId.padEnd(16)} ticket ${ticket.ticketId} ${ticket.status}\n`);
    let heard: Result["heard"];
    const onChange = (t: Ticket, source: UpdateSource): void => {
      heard = { source, delayMs: Date.now() - Date.parse(t.updatedAt) };
    };
    const view = live
      ? await live.watchTicket(ticket.ticketId, { timeoutMs: 120_000, onChange })
      : await client.waitForTicket(ticket.ticketId, { timeoutMs: 120_000 });
    return {
      playerId,
      status: view.status,
      team: view.match?.team,
      skill,
      connection: view.connection,
      waitedMs: Date.now() - started,
      heard,
    };
  } finally {
    await live?.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { players: { type: "string", default: "8" }, rounds: { type: "string", default: "1" } },
  });
  const count = Number(values.players);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error("--players: 1..200");
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) throw new Error("--rounds: 1..10");
  const ep = endpoints();
  const run = Date.now().toString(36);
  const ids = Array.from({ length: count }, (_, i) => `player${i + 1}-${run}`);
  for (let round = 1; round <= rounds; round += 1) {
    if (rounds > 1) process.stdout.write(`\n=== round ${round} of ${rounds} ===\n`);
    const results = await playRound(ep, ids, count);
    if (results.some((r) => r.status !== "COMPLETED")) process.exitCode = 1;
    if (round < rounds) await finishMatches(ep, results);
  }
}

/** One round: every player matchmakes; prints the game sessions, teams and skills. */
async function playRound(ep: Endpoints, ids: readonly string[], count: number): Promise<Result[]> {
  process.stdout.write(
    `${count} virtual players start matchmaking on ${ep.api}${ep.websocket ? ` and hear of their match on ${ep.websocket}` : ""}\n`,
  );
  if (!ep.websocket)
    process.stdout.write(
      "(no `websocket` in .matchplace/local.json: this stage has no realtime API, so the players poll)\n",
    );
  const results = await Promise.all(ids.map((id) => player(ep, id)));
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
      process.stdout.write(
        `    ${m.playerId.padEnd(18)} ${(m.team ?? "").padEnd(5)} skill ${String(m.skill ?? "").padEnd(5)} ${m.status.padEnd(10)} ${c ? `${c.ipAddress}:${c.port}  ${c.playerSessionId}` : ""}  (${m.waitedMs} ms)${heard}\n`,
      );
    }
  }
  const pushed = results.flatMap((r) => (r.heard?.source === "push" ? [r.heard.delayMs] : [])).sort((a, b) => a - b);
  if (ep.websocket && !pushed.length)
    process.stdout.write("\nno push arrived: the players fell back to polling (see the stage's log)\n");
  if (pushed.length)
    process.stdout.write(
      `\npush delay (match made → message arrived): min ${pushed[0]} ms, median ${pushed[Math.floor(pushed.length / 2)]} ms, max ${pushed[pushed.length - 1]} ms over ${pushed.length} players\n`,
    );
  return results;
}

/**
 * Plays the game servers: for each game session, report a result (the team of the
 * alphabetically-first player wins, so the outcome is reproducible), end the session through the
 * API and terminate it in GameLift.
 */
async function finishMatches(ep: Endpoints, results: readonly Result[]): Promise<void> {
  if (!ep.serverCredentials || !ep.gamelift)
    throw new Error("local.json has no serverCredentials/gamelift: restart the stage with this version");
  const region = ep.region ?? "us-east-1";
  const gl = new GameLiftClient({
    endpoint: ep.gamelift,
    region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const bySession = new Map<string, Result[]>();
  for (const r of results) {
    if (!r.connection) continue;
    const ps = await gl.send(new DescribePlayerSessionsCommand({ PlayerSessionId: r.connection.playerSessionId }));
    const arn = ps.PlayerSessions?.[0]?.GameSessionId;
    if (arn) bySession.set(arn, [...(bySession.get(arn) ?? []), r]);
  }
  process.stdout.write(`\ngame servers report results and end their sessions:\n`);
  for (const [arn, members] of bySession) {
    const sorted = [...members].sort((a, b) => a.playerId.localeCompare(b.playerId));
    const winner = sorted[0]?.team ?? "";
    const teams = [...new Set(members.map((m) => m.team ?? ""))].map((team) => ({
      team,
      rank: team === winner ? 1 : 2,
    }));
    const path = `/v1/server/game-sessions/${encodeURIComponent(arn)}`;
    const reported = await signedPost(ep.api, ep.serverCredentials, region, `${path}/results`, { teams });
    if (reported.status !== 200)
      throw new Error(`results for ${arn}: ${reported.status} ${JSON.stringify(reported.body)}`);
    const ended = await signedPost(ep.api, ep.serverCredentials, region, `${path}/end`, {});
    if (ended.status !== 200) throw new Error(`end of ${arn}: ${ended.status} ${JSON.stringify(ended.body)}`);
    await gl.send(new TerminateGameSessionCommand({ GameSessionId: arn, TerminationMode: "FORCE_TERMINATE" }));
    const changes = (
      reported.body as {
        players: { playerId: string; team: string; before: { mu: number }; after: { mu: number; sigma: number } }[];
      }
    ).players;
    process.stdout.write(`  ${arn.slice(arn.lastIndexOf("/") + 1)}: team ${winner} wins\n`);
    for (const c of changes)
      process.stdout.write(
        `    ${c.playerId.padEnd(18)} ${c.team.padEnd(5)} mu ${c.before.mu.toFixed(2)} → ${c.after.mu.toFixed(2)} (sigma ${c.after.sigma.toFixed(2)})\n`,
      );
  }
  gl.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
