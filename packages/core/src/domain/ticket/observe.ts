import type { TicketEvent } from "../events/types.js";
import type { Connection, Ticket, TicketPlayer, TicketStatus } from "./types.js";

/** A ticket as DescribeMatchmaking reports it, in domain terms (epoch ms, no SDK types). */
export interface ObservedTicket {
  readonly ticketId: string;
  readonly configurationName: string;
  readonly status: TicketStatus;
  readonly statusReason?: string;
  readonly statusMessage?: string;
  /** Epoch ms. */
  readonly startTime?: number;
  readonly players: readonly { readonly playerId: string; readonly team?: string }[];
  readonly estimatedWaitSeconds?: number;
  /** Set once placed (WITH_QUEUE success). */
  readonly connection?: Connection & {
    readonly playerSessions: readonly { readonly playerId: string; readonly playerSessionId: string }[];
  };
}

/** Our reason for a ticket GameLift no longer knows past its request timeout. */
export const UNKNOWN_TO_GAMELIFT = "UNKNOWN_TO_GAMELIFT";

/**
 * Maps a DescribeMatchmaking observation to a synthetic `ObservedStatus` event at `now`, so the
 * reconciler goes through the same fold and guards as real events (a terminal state still absorbs).
 */
export function observedTicketEvent(o: ObservedTicket, now: number): TicketEvent {
  const sessions = new Map((o.connection?.playerSessions ?? []).map((s) => [s.playerId, s.playerSessionId] as const));
  const players: Record<string, TicketPlayer> = {};
  for (const p of o.players) {
    const playerSessionId = sessions.get(p.playerId);
    players[p.playerId] = { ...(p.team ? { team: p.team } : {}), ...(playerSessionId ? { playerSessionId } : {}) };
  }
  const c = o.connection;
  return {
    id: `observed:${o.ticketId}:${now}`,
    type: "ObservedStatus",
    dedupe: false,
    time: now,
    ticketId: o.ticketId,
    configurationName: o.configurationName,
    status: o.status,
    playerIds: o.players.map((p) => p.playerId),
    players,
    ...(o.startTime === undefined ? {} : { startTime: o.startTime }),
    ...(o.statusReason ? { reason: o.statusReason } : {}),
    ...(o.statusMessage ? { message: o.statusMessage } : {}),
    ...(o.estimatedWaitSeconds === undefined ? {} : { estimatedWaitSeconds: o.estimatedWaitSeconds }),
    ...(c && o.status === "COMPLETED"
      ? { connection: { gameSessionArn: c.gameSessionArn, ipAddress: c.ipAddress, dnsName: c.dnsName, port: c.port } }
      : {}),
  };
}

/** The FAILED event for a stored ticket that GameLift does not know any more. */
export function unknownTicketEvent(t: Ticket, now: number): TicketEvent {
  return {
    id: `unknown:${t.ticketId}:${now}`,
    type: "ObservedStatus",
    dedupe: false,
    time: now,
    ticketId: t.ticketId,
    configurationName: t.configurationName,
    status: "FAILED",
    playerIds: t.playerIds,
    players: t.players,
    reason: UNKNOWN_TO_GAMELIFT,
    message: "GameLift no longer knows this ticket and its request timeout has passed.",
  };
}
