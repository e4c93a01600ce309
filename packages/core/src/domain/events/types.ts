import type { Connection, TicketPlayer, TicketStatus } from "../ticket/types.js";
import type { PlacementPlayer, PlacementStatus } from "../placement/types.js";

/** The eight FlexMatch event types (`detail.type`); they are not ticket statuses. */
export const FLEXMATCH_EVENT_TYPES = [
  "MatchmakingSearching",
  "PotentialMatchCreated",
  "AcceptMatch",
  "AcceptMatchCompleted",
  "MatchmakingSucceeded",
  "MatchmakingTimedOut",
  "MatchmakingCancelled",
  "MatchmakingFailed",
] as const;

/** A FlexMatch event type. */
export type FlexMatchEventType = (typeof FLEXMATCH_EVENT_TYPES)[number];

/** The four queue placement event types. */
export const PLACEMENT_EVENT_TYPES = ["PlacementFulfilled", "PlacementCancelled", "PlacementTimedOut", "PlacementFailed"] as const;

/** A placement event type. */
export type PlacementEventType = (typeof PLACEMENT_EVENT_TYPES)[number];

/** What a ticket event says about one ticket: GameLift events fanned out, or a reconcile observation. */
export interface TicketEvent {
  /** Envelope id; for a reconcile observation a synthetic id. */
  readonly id: string;
  /** Event type, or `ObservedStatus` for a DescribeMatchmaking observation. */
  readonly type: FlexMatchEventType | "ObservedStatus";
  /** Record `id` for dedupe (GameLift events); false for observations, which are never redelivered. */
  readonly dedupe: boolean;
  /** Event time, epoch ms. */
  readonly time: number;
  /** Event time as ISO-8601, as GameLift wrote it. */
  readonly timeIso: string;
  readonly ticketId: string;
  readonly configurationName: string;
  /** Status the event moves the ticket to. */
  readonly status: TicketStatus;
  /** The ticket's players as the event lists them (may be empty). */
  readonly playerIds: readonly string[];
  readonly players: Readonly<Record<string, TicketPlayer>>;
  /** Ticket start time, epoch ms, when the event carries it. */
  readonly startTime?: number;
  readonly matchId?: string;
  readonly reason?: string;
  readonly message?: string;
  readonly estimatedWaitSeconds?: number;
  readonly acceptanceRequired?: boolean;
  readonly acceptanceTimeoutSeconds?: number;
  readonly connection?: Connection;
  /** For a backfill ticket (`auto-backfill…`, or a ticket listed with a game session): the session. */
  readonly backfillOf?: string;
}

/** What a placement event says about one placement. */
export interface PlacementEvent {
  readonly id: string;
  readonly type: PlacementEventType | "ObservedStatus";
  readonly dedupe: boolean;
  readonly time: number;
  readonly timeIso: string;
  readonly placementId: string;
  readonly queueName: string;
  readonly status: PlacementStatus;
  readonly playerIds: readonly string[];
  readonly players: Readonly<Record<string, PlacementPlayer>>;
  readonly startTime?: number;
  readonly connection?: Connection;
  readonly gameSessionRegion?: string;
  readonly reason?: string;
}

/** One decoded message: events to fold, an unknown type to acknowledge, or poison. */
export type DecodedMessage =
  | { readonly kind: "ticket"; readonly envelopeId: string; readonly eventType: FlexMatchEventType; readonly events: readonly TicketEvent[] }
  | { readonly kind: "placement"; readonly envelopeId: string; readonly eventType: PlacementEventType; readonly events: readonly PlacementEvent[] }
  | { readonly kind: "unknown"; readonly envelopeId: string; readonly eventType: string; readonly detailType: string }
  | { readonly kind: "poison"; readonly error: string; readonly raw: string };
