import type { Connection } from "../ticket/types.js";
import type { PlacementPlayer, PlacementStatus } from "../placement/types.js";
import type { Envelope, PlacementDetail } from "./schemas.js";
import type { PlacementEvent, PlacementEventType } from "./types.js";

/** `…:gamesessionqueue/<name>` → name; `""` when missing. */
export function queueNameFromArn(arn: string | undefined): string {
  const m = /:gamesessionqueue\/(.+)$/.exec(arn ?? "");
  return m?.[1] ?? "";
}

const STATUS: Readonly<Record<PlacementEventType, PlacementStatus>> = {
  PlacementFulfilled: "FULFILLED",
  PlacementCancelled: "CANCELLED",
  PlacementTimedOut: "TIMED_OUT",
  PlacementFailed: "FAILED",
};

function connectionOf(d: PlacementDetail): Connection | undefined {
  // Placement events carry the port as a string; the schema already made it a number.
  if (!d.gameSessionArn || !d.ipAddress || d.port === undefined || d.port === null) return undefined;
  return { gameSessionArn: d.gameSessionArn, ipAddress: d.ipAddress, dnsName: d.dnsName ?? "", port: d.port };
}

/** Maps a queue placement event to the one {@link PlacementEvent} it describes. */
export function toPlacementEvent(env: Envelope, d: PlacementDetail, type: PlacementEventType): PlacementEvent {
  const startTime = d.startTime ? Date.parse(d.startTime) : Number.NaN;
  const players: Record<string, PlacementPlayer> = {};
  for (const s of d.placedPlayerSessions ?? [])
    players[s.playerId] = s.playerSessionId ? { playerSessionId: s.playerSessionId } : {};
  const connection = type === "PlacementFulfilled" ? connectionOf(d) : undefined;
  return {
    id: env.id,
    type,
    dedupe: true,
    time: Date.parse(env.time),
    placementId: d.placementId,
    queueName: queueNameFromArn(env.resources[0]),
    status: STATUS[type],
    playerIds: Object.keys(players),
    players,
    ...(Number.isNaN(startTime) ? {} : { startTime }),
    ...(connection ? { connection } : {}),
    ...(d.gameSessionRegion ? { gameSessionRegion: d.gameSessionRegion } : {}),
    ...(type === "PlacementFulfilled" ? {} : { reason: type }),
  };
}
