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
