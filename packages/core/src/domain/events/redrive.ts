import { consumeDelivery } from "./consume.js";
import type { DeadLetterSource, PlacementEventSink, TicketEventSink } from "./ports.js";
import type { Clock } from "../clock.js";
import type { EventTrust } from "./trust.js";

/** Dependencies of {@link redriveDeadLetters}. */
export interface RedriveDeps {
  readonly source: DeadLetterSource;
  readonly tickets: TicketEventSink;
  readonly placements: PlacementEventSink;
  readonly clock: Clock;
  /** The stage's identity: replayed messages are vetted exactly as the consumer vets them. */
  readonly trust: EventTrust;
}

/** What a redrive did. */
export interface RedriveReport {
  received: number;
  /** Folded (applied or absorbed by the guards) and deleted from the queue. */
  redriven: number;
  /** Refused by the stage's identity checks (forged or foreign): acknowledged and deleted, never folded. */
  rejected: number;
  /** Still undecodable: left in the queue. */
  poison: number;
  /** Failed on an infrastructure error: left in the queue. */
  failed: number;
}

/**
 * Replays dead-lettered GameLift events through the same fold as the consumer. A message is deleted
 * only when every event in it was folded; poison and failures stay for a later redrive (SQS hides
 * them for its visibility timeout, so one run does not spin on them). Replaying is safe: the fold is
 * idempotent and terminal states absorb. Every replayed message is vetted against `trust` as the
 * consumer does (trust.ts): a refused one is counted in `rejected` and deleted, never folded.
 * @example const report = await redriveDeadLetters({ source, tickets, placements, clock, trust }, { maxMessages: 1000 });
 */
export async function redriveDeadLetters(
  deps: RedriveDeps,
  options: { readonly maxMessages?: number } = {},
): Promise<RedriveReport> {
  const max = options.maxMessages ?? 1000;
  const report: RedriveReport = { received: 0, redriven: 0, rejected: 0, poison: 0, failed: 0 };
  while (report.received < max) {
    const letters = await deps.source.receive(Math.min(10, max - report.received));
    if (letters.length === 0) break;
    const done: string[] = [];
    for (const letter of letters) {
      report.received += 1;
      const { outcomes, failure } = await consumeDelivery(letter.body, {
        tickets: deps.tickets,
        placements: deps.placements,
        trust: deps.trust,
        clock: deps.clock,
      });
      if (failure !== undefined) report.failed += 1;
      else if (outcomes.some((o) => o.kind === "poison")) report.poison += 1;
      else if (
        outcomes.some(
          (o) =>
            o.kind === "rejected" ||
            ((o.kind === "ticket" || o.kind === "placement") && o.folds.some((f) => f.rejected !== undefined)),
        )
      ) {
        report.rejected += 1;
        done.push(letter.handle);
      } else {
        report.redriven += 1;
        done.push(letter.handle);
      }
    }
    if (done.length > 0) await deps.source.remove(done);
  }
  return report;
}
