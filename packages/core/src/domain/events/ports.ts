/**
 * The ports of the event side (consumer, reconciler, DLQ redrive): declared here once; the DynamoDB
 * repositories, the GameLift observer and the SQS source say `implements`.
 */
import type { ObservedPlacement } from "../placement/observe.js";
import type { ObservedTicket } from "../ticket/observe.js";
import type { PlacementEvent, TicketEvent } from "./types.js";

/** Where ticket events are folded (the DynamoDB `TicketRepository` implements it). */
export interface TicketEventSink {
  /**
   * Folds one event into its ticket atomically; creates the ticket when missing.
   * @returns `false` when the state machine's guard made it a no-op. Throws on infrastructure errors.
   */
  apply(event: TicketEvent, now: number): Promise<boolean>;
}

/** Where placement events are folded (the DynamoDB `PlacementRepository` implements it). */
export interface PlacementEventSink {
  /** As {@link TicketEventSink.apply}, for placements. */
  apply(event: PlacementEvent, now: number): Promise<boolean>;
}

/** What the reconciler reads from GameLift (`adapters/gamelift/reconcileObserver.ts` implements it). */
export interface ReconcileObserver {
  /** DescribeMatchmaking for ≤ 10 ids; unknown ids are simply absent. Throttling → ThrottledError. */
  describeTickets(ticketIds: readonly string[]): Promise<ObservedTicket[]>;
  /** DescribeGameSessionPlacement; `undefined` when GameLift does not know the id. */
  describePlacement(placementId: string): Promise<ObservedPlacement | undefined>;
  /** The configuration's RequestTimeoutSeconds; `undefined` when unknown. */
  requestTimeoutSeconds(configurationName: string): Promise<number | undefined>;
}

/** Stored items the reconciler lists, folds and touches (the DynamoDB repositories implement it). */
export interface ReconcileStore<T, E> {
  listStale(heardBefore: number, limit: number): Promise<T[]>;
  apply(event: E, now: number): Promise<boolean>;
  touch(id: string, now: number): Promise<void>;
}

/** One dead-lettered message: an opaque handle to delete it, and its body. */
export interface DeadLetter {
  readonly handle: string;
  /** The body as stored: an SNS Lambda event, an SNS notification, a Lambda failure record or a bare envelope. */
  readonly body: unknown;
}

/** A dead-letter queue (SQS on AWS). */
export interface DeadLetterSource {
  /** Up to `max` messages; an empty list means the queue is drained. */
  receive(max: number): Promise<DeadLetter[]>;
  /** Deletes messages that were replayed. */
  remove(handles: readonly string[]): Promise<void>;
}
