import type { Connection, TicketPlayer, TicketStatus } from "../ticket/types.js";
import type { Envelope, FlexMatchDetail, PlayerRef } from "./schemas.js";
import type { FlexMatchEventType, TicketEvent } from "./types.js";

/** `…:matchmakingconfiguration/<name>` → name; `""` when the ARN is missing or odd. */
export function configurationNameFromArn(arn: string | undefined): string {
  const m = /:matchmakingconfiguration\/(.+)$/.exec(arn ?? "");
  return m?.[1] ?? "";
}

/** Auto-backfill tickets are opened by GameLift itself. */
export function isAutoBackfillTicketId(ticketId: string): boolean {
  return ticketId.startsWith("auto-backfill");
}

function statusOf(type: FlexMatchEventType, d: FlexMatchDetail): TicketStatus {
  switch (type) {
    case "MatchmakingSearching":
      return "SEARCHING";
    case "PotentialMatchCreated":
      return d.acceptanceRequired === true ? "REQUIRES_ACCEPTANCE" : "PLACING";
    case "AcceptMatch":
      return "REQUIRES_ACCEPTANCE";
    case "AcceptMatchCompleted":
      // Accepted → placing. Otherwise the proposal is dropped: fully accepted tickets search again,
      // the others get cancelled, but the event does not reliably say which (players often carry
      // no `accepted` flag), so never infer a terminal state here: the MatchmakingCancelled event
      // or the reconciler settles it. SEARCHING is the non-terminal truth for the survivors.
      return (d.acceptance ?? "").toLowerCase() === "accepted" ? "PLACING" : "SEARCHING";
    case "MatchmakingSucceeded":
      return "COMPLETED";
    case "MatchmakingTimedOut":
      return "TIMED_OUT";
    case "MatchmakingCancelled":
      return "CANCELLED";
    case "MatchmakingFailed":
      return "FAILED";
  }
}

function waitSeconds(v: FlexMatchDetail["estimatedWaitMillis"]): number | undefined {
  // Despite its name the value is seconds; "NOT_AVAILABLE" (or any non-number) means unknown.
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function connectionOf(d: FlexMatchDetail): Connection | undefined {
  const gs = d.gameSessionInfo;
  const arn = gs?.gameSessionArn ?? d.gameSessionArn;
  const ip = gs?.ipAddress ?? d.ipAddress;
  const port = gs?.port ?? d.port;
  if (!arn || !ip || port === undefined || port === null) return undefined;
  return { gameSessionArn: arn, ipAddress: ip, dnsName: gs?.dnsName ?? d.dnsName ?? "", port };
}

function playersOf(refs: readonly PlayerRef[], session: ReadonlyMap<string, PlayerRef>): Record<string, TicketPlayer> {
  const out: Record<string, TicketPlayer> = {};
  for (const ref of refs) {
    // The ticket's own entry wins; the game session's list fills in what it lacks.
    const s = session.get(ref.playerId);
    const team = ref.team ?? s?.team ?? undefined;
    const playerSessionId = ref.playerSessionId ?? s?.playerSessionId ?? undefined;
    const accepted = ref.accepted ?? s?.accepted ?? undefined;
    out[ref.playerId] = {
      ...(team ? { team } : {}),
      ...(playerSessionId ? { playerSessionId } : {}),
      ...(accepted === undefined ? {} : { accepted }),
    };
  }
  return out;
}

/**
 * Fans a FlexMatch event out to one {@link TicketEvent} per ticket it lists.
 * @example toTicketEvents(envelope, detail, "MatchmakingSucceeded").map((e) => e.ticketId)
 */
export function toTicketEvents(env: Envelope, d: FlexMatchDetail, type: FlexMatchEventType): TicketEvent[] {
  const time = Date.parse(env.time);
  const configurationName = configurationNameFromArn(env.resources[0]);
  const sessionPlayers = new Map((d.gameSessionInfo?.players ?? []).map((p) => [p.playerId, p] as const));
  const connection = type === "MatchmakingSucceeded" ? connectionOf(d) : undefined;
  const sessionArn = d.gameSessionInfo?.gameSessionArn ?? d.gameSessionArn ?? undefined;
  return d.tickets.map((t): TicketEvent => {
    const startTime = t.startTime ? Date.parse(t.startTime) : Number.NaN;
    const wait = type === "MatchmakingSearching" ? waitSeconds(d.estimatedWaitMillis) : undefined;
    const matched = type === "PotentialMatchCreated";
    return {
      id: env.id,
      type,
      dedupe: true,
      time,
      ticketId: t.ticketId,
      configurationName,
      status: statusOf(type, d),
      playerIds: t.players.map((p) => p.playerId),
      players: playersOf(t.players, sessionPlayers),
      ...(Number.isNaN(startTime) ? {} : { startTime }),
      ...(d.matchId ? { matchId: d.matchId } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.message ? { message: d.message } : {}),
      ...(wait === undefined ? {} : { estimatedWaitSeconds: wait }),
      ...(matched && typeof d.acceptanceRequired === "boolean" ? { acceptanceRequired: d.acceptanceRequired } : {}),
      ...(matched && typeof d.acceptanceTimeout === "number" ? { acceptanceTimeoutSeconds: d.acceptanceTimeout } : {}),
      ...(connection ? { connection } : {}),
      ...(isAutoBackfillTicketId(t.ticketId) && sessionArn ? { backfillOf: sessionArn } : {}),
    };
  });
}
