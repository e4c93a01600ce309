import { z } from "zod";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireGameSession } from "../lookup.js";

/** The path the emulator serves a game session's log on (`GET <emulator>/local/game-session-logs/<id>`). */
const gameSessionLogPath = (gameSessionId: string): string =>
  `/local/game-session-logs/${Buffer.from(gameSessionId).toString("base64url")}`;

/**
 * GetGameSessionLogUrl: a URL of the ended game session's log, which the emulator's HTTP server
 * serves (on AWS: a pre-signed S3 URL, valid 15 minutes). Logs exist once the session is TERMINATED.
 */
export const GetGameSessionLogUrl = defineOperation(z.object({ GameSessionId: z.string() }), (req, ctx) => {
  const session = requireGameSession(ctx, req.GameSessionId);
  if (session.Status !== "TERMINATED")
    throw new NotFoundException(`No logs yet for game session ${session.GameSessionId}: it has not ended.`);
  const base = ctx.settings?.publicUrl ?? "http://127.0.0.1";
  return { PreSignedUrl: `${base}${gameSessionLogPath(session.GameSessionId)}` };
});
