import type { Ticket } from "../ticket/types.js";
import type { Placement } from "../placement/types.js";

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
export const PLACEMENT_EVENT_TYPES = [
  "PlacementFulfilled",
  "PlacementCancelled",
  "PlacementTimedOut",
  "PlacementFailed",
] as const;

/** A placement event type. */
export type PlacementEventType = (typeof PLACEMENT_EVENT_TYPES)[number];

/**
 * The ticket fields an event can state, as on the stored `Ticket`; `status` is the status the event
 * moves the ticket to, and `playerIds`/`players` are the players the event lists (may be empty).
 */
type TicketFacts = Pick<
  Ticket,
  | "ticketId"
  | "configurationName"
  | "status"
  | "playerIds"
  | "players"
  | "matchId"
  | "reason"
  | "message"
  | "estimatedWaitSeconds"
  | "acceptanceRequired"
  | "acceptanceTimeoutSeconds"
  | "connection"
  | "backfillOf"
>;

/** What a ticket event says about one ticket: GameLift events fanned out, or a reconcile observation. */
export interface TicketEvent extends TicketFacts {
  /** Envelope id; for a reconcile observation a synthetic id. */
  readonly id: string;
  /** Event type, or `ObservedStatus` for a DescribeMatchmaking observation. */
  readonly type: FlexMatchEventType | "ObservedStatus";
  /** Record `id` for dedupe (GameLift events); false for observations, which are never redelivered. */
  readonly dedupe: boolean;
  /** Event time, epoch ms. */
  readonly time: number;
  /** Ticket start time, epoch ms, when the event carries it. */
  readonly startTime?: number;
}

/** What a placement event says about one placement (its fields as on the stored `Placement`). */
export interface PlacementEvent
  extends Pick<
    Placement,
    "placementId" | "queueName" | "status" | "playerIds" | "players" | "connection" | "gameSessionRegion" | "reason"
  > {
  readonly id: string;
  readonly type: PlacementEventType | "ObservedStatus";
  readonly dedupe: boolean;
  readonly time: number;
  readonly startTime?: number;
}

/** Where a message says it comes from: what `vetDecoded` (trust.ts) checks before any fold. */
export interface EventOrigin {
  readonly source: string | undefined;
  readonly detailType: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly resources: readonly string[];
  /** Envelope time, epoch ms. */
  readonly time: number;
  /** Every game-session ARN the detail names. */
  readonly gameSessionArns: readonly string[];
  /** Tickets listed (FlexMatch) — 0 for placements. */
  readonly ticketCount: number;
  /** Players listed across tickets / game session / placed sessions (the largest of these lists). */
  readonly playerCount: number;
}

/** One decoded message: events to fold, an unknown type to acknowledge, or poison. */
export type DecodedMessage =
  | {
      readonly kind: "ticket";
      readonly envelopeId: string;
      readonly eventType: FlexMatchEventType;
      readonly origin: EventOrigin;
      readonly events: readonly TicketEvent[];
    }
  | {
      readonly kind: "placement";
      readonly envelopeId: string;
      readonly eventType: PlacementEventType;
      readonly origin: EventOrigin;
      readonly events: readonly PlacementEvent[];
    }
  | { readonly kind: "unknown"; readonly envelopeId: string; readonly eventType: string; readonly detailType: string }
  | { readonly kind: "poison"; readonly error: string; readonly raw: string };
