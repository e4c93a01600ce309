/**
 * The matchmaking ticket as stored in the single table (pk `TICKET#<ticketId>`, sk `TICKET`).
 * This file is the contract between the API (which writes tickets on POST /v1/matchmaking) and the
 * event consumer (which folds GameLift events into them).
 */
import type { FoldedItem } from "../events/guard.js";

/** Every status a ticket can have; GameLift's `MatchmakingTicket.Status` enum. */
export const TICKET_STATUSES = [
  "QUEUED",
  "SEARCHING",
  "REQUIRES_ACCEPTANCE",
  "PLACING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMED_OUT",
] as const;

/** A ticket status. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The statuses a ticket never leaves. */
export const TERMINAL_TICKET_STATUSES: readonly TicketStatus[] = ["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"];

/** Where the players of a placed match connect. */
export interface Connection {
  readonly gameSessionArn: string;
  readonly ipAddress: string;
  readonly dnsName: string;
  readonly port: number;
}

/** What we know about one player of a ticket. */
export interface TicketPlayer {
  /** Team name, once a match is proposed. */
  readonly team?: string;
  /** This player's own player session, once placed. */
  readonly playerSessionId?: string;
  /** Acceptance answer; absent while pending or when acceptance is not required. */
  readonly accepted?: boolean;
}

/** A matchmaking ticket (one per StartMatchmaking / StartMatchBackfill call). */
export interface Ticket extends FoldedItem<TicketStatus> {
  readonly ticketId: string;
  readonly configurationName: string;
  /** Per-player state keyed by playerId. */
  readonly players: Readonly<Record<string, TicketPlayer>>;
  readonly partyId?: string;
  readonly matchId?: string;
  /** Terminal reason (GameLift's `reason`, or ours, e.g. `UNKNOWN_TO_GAMELIFT`). */
  readonly reason?: string;
  readonly message?: string;
  readonly estimatedWaitSeconds?: number;
  readonly acceptanceRequired?: boolean;
  readonly acceptanceTimeoutSeconds?: number;
  readonly connection?: Connection;
  /** For a backfill ticket: the game session it backfills. */
  readonly backfillOf?: string;
}

/** Input of `TicketRepository.create`: a new ticket as the API submits it. */
export type NewTicket = Omit<Ticket, "status" | "updatedAt" | "heardAt" | "eventIds" | "eventAt" | "version"> & {
  readonly status?: TicketStatus;
};
