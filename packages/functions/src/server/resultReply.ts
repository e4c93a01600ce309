import type { MatchResult } from "@matchplace/core";

/** The reply body of a recorded result (the same for the first report and every identical retry). */
export function resultReply(result: MatchResult): Record<string, unknown> {
  return {
    gameSessionArn: result.gameSessionArn,
    pool: result.pool,
    recordedAt: new Date(result.recordedAt).toISOString(),
    players: result.changes.map((c) => ({ playerId: c.playerId, team: c.team, before: c.before, after: c.after })),
  };
}
