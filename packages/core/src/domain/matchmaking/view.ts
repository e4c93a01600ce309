import { isTerminalTicketStatus } from "../ticket/status.js";
import type { Ticket, TicketStatus } from "../ticket/types.js";

/** The caller's own connection to the placed match. */
export interface TicketConnectionView {
  readonly ipAddress: string;
  readonly dnsName: string;
  readonly port: number;
  readonly playerSessionId: string;
}

/** A proposed match as one player sees it. */
export interface MatchView {
  readonly matchId?: string;
  readonly team?: string;
  readonly acceptanceRequired: boolean;
  readonly acceptanceTimeoutSeconds?: number;
  /** The caller's answer: true/false, or null while pending. */
  readonly accepted: boolean | null;
  /** How many of the ticket's players have accepted. */
  readonly acceptedCount: number;
  readonly playerCount: number;
}

/** A ticket as one of its players sees it. */
export interface TicketView {
  readonly ticketId: string;
  readonly status: TicketStatus;
  readonly configuration: string;
  readonly partyId?: string;
  readonly reason?: string;
  readonly message?: string;
  readonly estimatedWaitSeconds?: number;
  readonly match?: MatchView;
  readonly connection?: TicketConnectionView;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The ticket's version: grows with every change (push clients keep the highest seen). */
  readonly version: number;
}

/** True when `playerId` is on the ticket (the only players who may see it). */
export function canSeeTicket(ticket: Ticket, playerId: string): boolean {
  return ticket.playerIds.includes(playerId);
}

const matchStatuses: readonly TicketStatus[] = ["REQUIRES_ACCEPTANCE", "PLACING", "COMPLETED"];

/**
 * The ticket as `playerId` may see it: never another player's player session, never other
 * players' ids.
 */
export function ticketView(ticket: Ticket, playerId: string): TicketView {
  const me = ticket.players[playerId] ?? {};
  const answers = ticket.playerIds.map((id) => ticket.players[id]?.accepted);
  const showMatch = ticket.matchId !== undefined || matchStatuses.includes(ticket.status);
  const connection = ticket.connection;
  return {
    ticketId: ticket.ticketId,
    status: ticket.status,
    configuration: ticket.configurationName,
    ...(ticket.partyId === undefined ? {} : { partyId: ticket.partyId }),
    ...(ticket.reason === undefined ? {} : { reason: ticket.reason }),
    ...(ticket.message === undefined ? {} : { message: ticket.message }),
    ...(ticket.estimatedWaitSeconds === undefined || isTerminalTicketStatus(ticket.status)
      ? {}
      : { estimatedWaitSeconds: ticket.estimatedWaitSeconds }),
    ...(showMatch
      ? {
          match: {
            ...(ticket.matchId === undefined ? {} : { matchId: ticket.matchId }),
            ...(me.team === undefined ? {} : { team: me.team }),
            acceptanceRequired: ticket.acceptanceRequired ?? false,
            ...(ticket.acceptanceTimeoutSeconds === undefined
              ? {}
              : { acceptanceTimeoutSeconds: ticket.acceptanceTimeoutSeconds }),
            accepted: me.accepted ?? null,
            acceptedCount: answers.filter((a) => a === true).length,
            playerCount: ticket.playerIds.length,
          },
        }
      : {}),
    ...(ticket.status === "COMPLETED" && connection && me.playerSessionId !== undefined
      ? {
          connection: {
            ipAddress: connection.ipAddress,
            dnsName: connection.dnsName,
            port: connection.port,
            playerSessionId: me.playerSessionId,
          },
        }
      : {}),
    createdAt: new Date(ticket.createdAt).toISOString(),
    updatedAt: new Date(ticket.updatedAt).toISOString(),
    version: ticket.version,
  };
}

const baseDelayMs: Readonly<Record<TicketStatus, number>> = {
  QUEUED: 1000,
  SEARCHING: 2000,
  REQUIRES_ACCEPTANCE: 1000,
  PLACING: 1000,
  COMPLETED: 0,
  FAILED: 0,
  CANCELLED: 0,
  TIMED_OUT: 0,
};

/** Longest poll interval we suggest. */
export const MAX_RETRY_AFTER_MS = 15_000;

/**
 * How long a client should wait before polling again: doubles for every 15 s the ticket has gone
 * unchanged (so idle searches back off), capped at {@link MAX_RETRY_AFTER_MS}; 0 once terminal.
 * @example retryAfterMs(ticket, ticket.updatedAt + 31_000) // SEARCHING → 8000
 */
export function retryAfterMs(ticket: Pick<Ticket, "status" | "updatedAt">, now: number): number {
  const base = baseDelayMs[ticket.status];
  if (base === 0) return 0;
  const idleSteps = Math.max(0, Math.floor((now - ticket.updatedAt) / 15_000));
  return Math.min(MAX_RETRY_AFTER_MS, base * 2 ** Math.min(idleSteps, 4));
}
