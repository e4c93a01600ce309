/**
 * The realtime channel's domain types: connection records, the changes the table's stream reports,
 * the messages players receive and the outbound match events. The wire contract (zod schemas, the
 * AsyncAPI document) lives in `@matchplace/client/schemas` (realtime.ts, matchEvents.ts); these
 * types mirror it, and a client test checks what this module builds against those schemas.
 */
import type { Party } from "../party/types.js";
import type { Placement, PlacementStatus } from "../placement/types.js";
import type { Ticket, TicketStatus } from "../ticket/types.js";

/** One open WebSocket connection of a player (pk `PLAYER#<playerId>`, sk `CONN#<connectionId>`). */
export interface PlayerConnection {
  readonly playerId: string;
  readonly connectionId: string;
  /** Epoch ms of the handshake. */
  readonly connectedAt: number;
  /** Epoch ms of the last message from the client. */
  readonly lastSeenAt: number;
  /** TTL, epoch seconds: when the record may be removed even if `$disconnect` never ran. */
  readonly expiresAt: number;
}

/** How long connection records live (API Gateway's limits, plus margins). */
export interface ConnectionLimits {
  /** No connection lives longer than this (API Gateway: 2 hours). */
  readonly maxConnectionMs: number;
  /** A record not refreshed by client activity for this long is considered gone (idle timeout is 10 minutes; clients ping every 4). */
  readonly idleTtlMs: number;
}

/** A write to a pushed item, as the table's stream reports it (old and new image, decoded). */
export type ItemChange =
  | { readonly kind: "ticket"; readonly before?: Ticket; readonly after: Ticket }
  | { readonly kind: "placement"; readonly before?: Placement; readonly after: Placement }
  | { readonly kind: "party"; readonly before?: Party; readonly after: Party };

/** One message for one player. `message` is the JSON-ready body (see `@matchplace/client/schemas` ServerMessage). */
export interface Push {
  readonly playerId: string;
  readonly message: Readonly<Record<string, unknown>>;
}

/** A player as an outbound match event describes them. */
export interface MatchEventPlayer {
  readonly playerId: string;
  readonly team?: string;
  readonly playerSessionId?: string;
  readonly accepted?: boolean;
}

/** Fields every outbound match event has. */
interface MatchEventBase {
  /** Stable per transition (`<kind>:<id>:<version>`): subscribers deduplicate on it. */
  readonly id: string;
  readonly time: string;
  readonly version: number;
  readonly players: readonly MatchEventPlayer[];
  readonly reason?: string;
  readonly connection?: {
    readonly gameSessionArn: string;
    readonly ipAddress: string;
    readonly dnsName: string;
    readonly port: number;
  };
}

/** A ticket changed status. */
export interface TicketMatchEvent extends MatchEventBase {
  readonly type: `Ticket${string}`;
  readonly ticketId: string;
  readonly status: TicketStatus;
  readonly previousStatus?: TicketStatus;
  readonly configurationName: string;
  readonly partyId?: string;
  readonly matchId?: string;
  readonly backfillOf?: string;
}

/** A placement changed status. */
export interface PlacementMatchEvent extends MatchEventBase {
  readonly type: `Placement${string}`;
  readonly placementId: string;
  readonly status: PlacementStatus;
  readonly previousStatus?: PlacementStatus;
  readonly queueName: string;
  readonly gameSessionRegion?: string;
}

/** A rating as a result event carries it. */
export interface MatchEventRating {
  readonly mu: number;
  readonly sigma: number;
  /** μ − 3σ. */
  readonly display: number;
  readonly matches: number;
}

/** A game server's result was recorded and ratings updated. */
export interface MatchResultRecordedEvent {
  readonly type: "MatchResultRecorded";
  /** `result:<gameSessionArn>`. */
  readonly id: string;
  readonly time: string;
  readonly gameSessionArn: string;
  /** The rating pool (the matchmaking configuration). */
  readonly configurationName: string;
  readonly players: readonly {
    readonly playerId: string;
    readonly team: string;
    readonly before: MatchEventRating;
    readonly after: MatchEventRating;
  }[];
  readonly teams: readonly { readonly team: string; readonly rank?: number; readonly score?: number }[];
  readonly leftEarly: readonly string[];
}

/** An outbound match event with the SNS message attributes subscribers filter on. */
export interface OutboundMatchEvent {
  readonly event: TicketMatchEvent | PlacementMatchEvent | MatchResultRecordedEvent;
  /** `type`, and `configurationName` (tickets) or `queueName` (placements). */
  readonly attributes: Readonly<Record<string, string>>;
}
