import type { EmulatorContext } from "../context.js";
import { isTerminal } from "../matchmaking/tickets.js";
import { collections } from "../state/collections.js";

/** How many records of each kind {@link forgetFinished} dropped. */
export interface ForgottenCounts {
  tickets: number;
  matches: number;
  placements: number;
  gameSessions: number;
  playerSessions: number;
}

/**
 * Drops records that no engine will touch again: terminal tickets, settled matches (COMPLETED,
 * FAILED, ABANDONED), placements that are no longer PENDING and that no PLACING match still
 * follows, TERMINATED game sessions with their player sessions and FlexMatch session records.
 * GameLift itself forgets finished tickets after a while; long simulations call this between ticks
 * so every engine's per-tick scan stays proportional to the live records, not to history.
 * Never called by the emulator's own loop: the local stage keeps everything (describable forever).
 * @example
 * await emulator.tick();
 * forgetFinished(emulator.context);
 */
export function forgetFinished(ctx: EmulatorContext): ForgottenCounts {
  const cols = collections(ctx.store);
  const counts: ForgottenCounts = { tickets: 0, matches: 0, placements: 0, gameSessions: 0, playerSessions: 0 };
  const followed = new Set<string>();
  for (const [id, match] of cols.matchmakingMatches.entries()) {
    if (match.status === "PLACING" || match.status === "REQUIRES_ACCEPTANCE") {
      if (match.placementId !== undefined) followed.add(match.placementId);
      continue;
    }
    cols.matchmakingMatches.delete(id);
    counts.matches++;
  }
  for (const [id, ticket] of cols.matchmakingTickets.entries()) {
    if (!isTerminal(ticket.status)) continue;
    cols.matchmakingTickets.delete(id);
    counts.tickets++;
  }
  for (const [id, placement] of cols.placements.entries()) {
    if (placement.Status === "PENDING" || followed.has(id)) continue;
    cols.placements.delete(id);
    counts.placements++;
  }
  const ended = new Set<string>();
  for (const [id, session] of cols.gameSessions.entries()) {
    if (session.Status !== "TERMINATED") continue;
    ended.add(session.GameSessionId);
    cols.gameSessions.delete(id);
    cols.matchmakingSessions.delete(session.GameSessionId);
    counts.gameSessions++;
  }
  if (ended.size > 0) {
    for (const [id, p] of cols.playerSessions.entries()) {
      if (!ended.has(p.GameSessionId)) continue;
      cols.playerSessions.delete(id);
      counts.playerSessions++;
    }
  }
  return counts;
}
