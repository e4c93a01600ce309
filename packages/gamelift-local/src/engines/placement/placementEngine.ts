import type { Engine } from "../Engine.js";
import { createGameSession, reservePlayerSessions } from "../sessions/gameSessions.js";
import { collections } from "../state/collections.js";
import { candidatesOf, rankCandidates } from "./candidates.js";
import { finishPlacement } from "./placements.js";

/**
 * Each tick, tries every PENDING placement (oldest first) on its queue's destinations in priority
 * order under the latency policy in force; a placement waits while every candidate is full (noted
 * in `waitingFor`), and times out after the queue's TimeoutInSeconds.
 */
export const placementEngine: Engine = {
  async tick(ctx) {
    const now = ctx.clock.now();
    const cols = collections(ctx.store);
    const pending = cols.placements
      .values()
      .filter((p) => p.Status === "PENDING")
      .sort((a, b) => a.StartTime - b.StartTime);
    for (const placement of pending) {
      const queue = cols.queues.get(placement.GameSessionQueueName);
      if (!queue) {
        await finishPlacement(ctx, placement, "FAILED", undefined);
        continue;
      }
      const elapsed = now - placement.StartTime;
      if (elapsed >= queue.TimeoutInSeconds * 1000) {
        await finishPlacement(ctx, placement, "TIMED_OUT", queue);
        continue;
      }
      const ranked = rankCandidates(queue, placement, candidatesOf(ctx, queue), elapsed);
      let placed = false;
      for (const c of ranked) {
        const session = createGameSession(ctx, {
          fleet: c.fleet,
          location: c.location,
          maximumPlayerSessionCount: placement.MaximumPlayerSessionCount,
          name: placement.GameSessionName,
          gameProperties: placement.GameProperties,
          gameSessionData: placement.GameSessionData,
          matchmakerData: placement.MatchmakerData,
          idPart: ctx.ids.uuid(),
          activateNow: true,
        });
        if (!session) continue;
        const players = placement.DesiredPlayerSessions.flatMap((d) =>
          d.PlayerId ? [{ PlayerId: d.PlayerId, PlayerData: d.PlayerData }] : [],
        );
        const reserved = reservePlayerSessions(ctx, session, players.slice(0, session.MaximumPlayerSessionCount));
        Object.assign(placement, {
          GameSessionId: session.GameSessionId,
          GameSessionRegion: session.Location,
          IpAddress: session.IpAddress,
          DnsName: session.DnsName,
          Port: session.Port,
          PlacedPlayerSessions: reserved.map((r) => ({ PlayerId: r.PlayerId, PlayerSessionId: r.PlayerSessionId })),
        });
        delete placement.waitingFor;
        await finishPlacement(ctx, placement, "FULFILLED", queue);
        placed = true;
        break;
      }
      // Every allowed location was full: remembered, so a timeout can say why (and the stage can tell).
      if (!placed && ranked.length > 0) {
        placement.waitingFor ??= { reason: "FleetCapacityExceeded", since: now, locations: [] };
        placement.waitingFor.locations = ranked.map((c) => `${c.fleet.FleetId}/${c.location}`);
      }
    }
  },
};
