import type { EmulatorContext } from "../context.js";

/** What matchmaking asks of a game session queue for a new WITH_QUEUE match. */
export interface MatchPlacementRequest {
  placementId: string;
  /** The configuration's GameSessionQueueArns; the first one is used. */
  queueArns: string[];
  maximumPlayerSessionCount: number;
  gameProperties: { Key: string; Value: string }[];
  gameSessionData?: string;
  matchmakerData: string;
  players: { playerId: string; latencyInMs?: Record<string, number> }[];
}

/** A game session as matched players see it. */
export interface PlacedSession {
  gameSessionArn: string;
  ipAddress: string;
  dnsName: string;
  port: number;
  playerSessions: { playerId: string; playerSessionId: string }[];
}

/** A placement's progress, polled every tick. */
export type PlacementProgress =
  | { status: "PENDING" }
  | { status: "FULFILLED"; session: PlacedSession }
  | { status: "TIMED_OUT" | "CANCELLED" | "FAILED" };

/** The game-session side of matchmaking (by default the platform's placement engine). */
export interface MatchPlacer {
  /** Starts a queue placement; failures to start (unknown queue) throw. */
  start(ctx: EmulatorContext, request: MatchPlacementRequest): void | Promise<void>;
  /** Where a placement is. */
  progress(ctx: EmulatorContext, placementId: string): PlacementProgress | Promise<PlacementProgress>;
  /**
   * Backfill: reserves player sessions for new players in a running session and rewrites its
   * MatchmakerData. Throws when the session is gone or cannot take them.
   */
  join(
    ctx: EmulatorContext,
    gameSessionArn: string,
    playerIds: string[],
    matchmakerData: string,
  ): PlacedSession | Promise<PlacedSession>;
  /** Rewrites a running session's MatchmakerData (e.g. a new autoBackfillTicketId); no-op when gone. */
  updateMatchmakerData(ctx: EmulatorContext, gameSessionArn: string, matchmakerData: string): void | Promise<void>;
  /** Whether a game session exists and is not terminated. */
  isLive(ctx: EmulatorContext, gameSessionArn: string): boolean | Promise<boolean>;
}
