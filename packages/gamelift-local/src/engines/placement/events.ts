import type { EmulatorContext } from "../context.js";
import type { PlacementRecord, QueueRecord } from "../state/records.js";

/** The four queue placement event types. */
export type PlacementEventType = "PlacementFulfilled" | "PlacementCancelled" | "PlacementTimedOut" | "PlacementFailed";

/** The EventBridge/SNS envelope GameLift publishes for a placement. */
interface PlacementEvent {
  version: "0";
  id: string;
  "detail-type": "GameLift Queue Placement Event";
  source: "aws.gamelift";
  account: string;
  time: string;
  region: string;
  resources: [string];
  detail: Record<string, unknown>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Builds the documented envelope for a placement that just reached a final status. */
function placementEvent(ctx: EmulatorContext, type: PlacementEventType, p: PlacementRecord): PlacementEvent {
  const detail: Record<string, unknown> = { type, placementId: p.PlacementId, startTime: iso(p.StartTime) };
  if (p.EndTime !== undefined) detail.endTime = iso(p.EndTime);
  if (type !== "PlacementFulfilled" && p.waitingFor) {
    // Emulator addition (AWS's unfulfilled placement events carry no reason): why it never placed.
    detail.reason = p.waitingFor.reason;
    detail.message = `No server process was free on ${p.waitingFor.locations.join(", ")} since ${iso(p.waitingFor.since)}.`;
  }
  if (type === "PlacementFulfilled") {
    Object.assign(detail, {
      // The documented event carries the port as a string, unlike the API's number.
      port: String(p.Port),
      gameSessionArn: p.GameSessionId,
      ipAddress: p.IpAddress,
      dnsName: p.DnsName,
      gameSessionRegion: p.GameSessionRegion,
      placedPlayerSessions: (p.PlacedPlayerSessions ?? []).map((s) => ({
        playerId: s.PlayerId,
        playerSessionId: s.PlayerSessionId,
      })),
    });
  }
  return {
    version: "0",
    id: ctx.ids.uuid(),
    "detail-type": "GameLift Queue Placement Event",
    source: "aws.gamelift",
    account: ctx.accountId,
    time: iso(ctx.clock.now()),
    region: ctx.region,
    resources: [p.queueArn],
    detail,
  };
}

/** Publishes a placement event to the queue's SNS topic, when it has one. */
export async function publishPlacementEvent(
  ctx: EmulatorContext,
  queue: QueueRecord | undefined,
  type: PlacementEventType,
  p: PlacementRecord,
): Promise<void> {
  if (!queue?.NotificationTarget) return;
  await ctx.notify(queue.NotificationTarget, JSON.stringify(placementEvent(ctx, type, p)));
}
