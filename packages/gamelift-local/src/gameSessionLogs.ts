import type { IncomingMessage, ServerResponse } from "node:http";
import { collections } from "./engines/state/collections.js";
import type { EmulatorContext } from "./engines/context.js";

const iso = (ms: number | undefined): string => (ms === undefined ? "-" : new Date(ms).toISOString());

/** The text log of a game session: what the platform saw of it (the emulator runs no server process to log more). */
function gameSessionLog(ctx: EmulatorContext, gameSessionId: string): string | undefined {
  const cols = collections(ctx.store);
  const s = cols.gameSessions.get(gameSessionId);
  if (!s) return undefined;
  const players = (s.playerSessionIds ?? []).map((id) => cols.playerSessions.get(id)).filter((p) => p !== undefined);
  return [
    `${iso(s.CreationTime)} game session ${s.GameSessionId} created on fleet ${s.FleetId} in ${s.Location} (${s.IpAddress}:${s.Port}), max ${s.MaximumPlayerSessionCount} players`,
    ...players.map(
      (p) =>
        `${iso(p.CreationTime)} player session ${p.PlayerSessionId} for ${p.PlayerId}: ${p.Status}${p.TerminationTime ? ` at ${iso(p.TerminationTime)}` : ""}`,
    ),
    `${iso(s.TerminationTime)} game session ${s.Status}${s.StatusReason ? ` (${s.StatusReason})` : ""}`,
    "",
  ].join("\n");
}

/** Serves `GET /local/game-session-logs/<base64url id>` (the URLs GetGameSessionLogUrl hands out). */
export function serveGameSessionLog(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): void {
  const id = Buffer.from((req.url ?? "").split("?")[0]?.split("/").pop() ?? "", "base64url").toString("utf8");
  const log = req.method === "GET" ? gameSessionLog(ctx, id) : undefined;
  if (log === undefined) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: "no such game session log" } }));
    return;
  }
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  res.end(log);
}
