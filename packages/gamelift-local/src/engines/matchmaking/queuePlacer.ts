import { isLiveSession } from "../fleets/capacity.js";
import { startPlacement } from "../placement/index.js";
import { currentPlayerSessionCount, reservePlayerSessions } from "../sessions/gameSessions.js";
import { collections } from "../state/collections.js";
import type { PlacementRecord } from "../state/records.js";
import type { MatchPlacer, PlacedSession } from "./placer.js";

function placedSession(p: PlacementRecord): PlacedSession | undefined {
  if (p.GameSessionId === undefined || p.IpAddress === undefined || p.DnsName === undefined || p.Port === undefined)
    return undefined;
  return {
    gameSessionArn: p.GameSessionId,
    ipAddress: p.IpAddress,
    dnsName: p.DnsName,
    port: p.Port,
    playerSessions: (p.PlacedPlayerSessions ?? []).map((s) => ({
      playerId: s.PlayerId,
      playerSessionId: s.PlayerSessionId,
    })),
  };
}

/**
 * The default {@link MatchPlacer}: the platform's game session placements (first queue of the
 * configuration) for new matches, and its game sessions / player sessions for backfills.
 */
export const queuePlacer: MatchPlacer = {
  start(ctx, request) {
    const queue = request.queueArns[0];
    if (queue === undefined) throw new Error("The matchmaking configuration has no game session queue.");
    startPlacement(ctx, {
      placementId: request.placementId,
      queueNameOrArn: queue,
      maximumPlayerSessionCount: request.maximumPlayerSessionCount,
      gameProperties: request.gameProperties,
      ...(request.gameSessionData !== undefined ? { gameSessionData: request.gameSessionData } : {}),
      matchmakerData: request.matchmakerData,
      playerLatencies: request.players.flatMap((p) =>
        Object.entries(p.latencyInMs ?? {}).map(([region, ms]) => ({
          PlayerId: p.playerId,
          RegionIdentifier: region,
          LatencyInMilliseconds: ms,
        })),
      ),
      desiredPlayerSessions: request.players.map((p) => ({ playerId: p.playerId })),
    });
  },

  progress(ctx, placementId) {
    // Read in place (getPlacement's copy is for API callers): asked every tick for every PLACING match.
    const p = collections(ctx.store).placements.get(placementId);
    if (!p) return { status: "FAILED" };
    if (p.Status === "FULFILLED") {
      const session = placedSession(p);
      return session ? { status: "FULFILLED", session } : { status: "FAILED" };
    }
    return { status: p.Status };
  },

  join(ctx, gameSessionArn, playerIds, matchmakerData) {
    const session = collections(ctx.store).gameSessions.get(gameSessionArn);
    if (!session || !isLiveSession(session)) throw new Error(`Game session ${gameSessionArn} is not active.`);
    const room = session.MaximumPlayerSessionCount - currentPlayerSessionCount(ctx, gameSessionArn);
    if (room < playerIds.length) throw new Error(`Game session ${gameSessionArn} is full.`);
    const reserved = reservePlayerSessions(
      ctx,
      session,
      playerIds.map((PlayerId) => ({ PlayerId })),
    );
    session.MatchmakerData = matchmakerData;
    collections(ctx.store).gameSessions.put(session.GameSessionId, session);
    return {
      gameSessionArn: session.GameSessionId,
      ipAddress: session.IpAddress,
      dnsName: session.DnsName,
      port: session.Port,
      playerSessions: reserved.map((r) => ({ playerId: r.PlayerId, playerSessionId: r.PlayerSessionId })),
    };
  },

  updateMatchmakerData(ctx, gameSessionArn, matchmakerData) {
    const session = collections(ctx.store).gameSessions.get(gameSessionArn);
    if (!session) return;
    session.MatchmakerData = matchmakerData;
    collections(ctx.store).gameSessions.put(session.GameSessionId, session);
  },

  isLive(ctx, gameSessionArn) {
    const session = collections(ctx.store).gameSessions.get(gameSessionArn);
    return session !== undefined && isLiveSession(session);
  },
};
