import type { Clock } from "../clock.js";
import { decodeEnvelope, decodeMessage } from "./decode.js";
import { ForeignPlayersError } from "./errors.js";
import { vetDecoded, type EventTrust } from "./trust.js";
import type { PlacementEventSink, TicketEventSink } from "./ports.js";
import type { DecodedMessage } from "./types.js";
import { unwrapDelivery, type RawMessage } from "./unwrap.js";

/** What happened to one event of a message (one per ticket / placement). */
export interface FoldOutcome {
  readonly kind: "ticket" | "placement";
  readonly id: string;
  readonly playerIds: readonly string[];
  readonly status: string;
  readonly applied: boolean;
  /** Why this item refused the event (it names other players); nothing was written. */
  readonly rejected?: string;
}

/** What happened to one message of a delivery. */
export type MessageOutcome =
  | {
      readonly kind: "ticket" | "placement";
      readonly envelopeId: string;
      readonly eventType: string;
      readonly folds: readonly FoldOutcome[];
    }
  | { readonly kind: "unknown"; readonly envelopeId: string; readonly eventType: string; readonly detailType: string }
  | { readonly kind: "rejected"; readonly envelopeId: string; readonly eventType: string; readonly reason: string }
  | { readonly kind: "poison"; readonly error: string; readonly raw: string };

/** At most this many conditional writes of one message are in flight at once. */
export const FOLD_CONCURRENCY = 16;

/** Dependencies of {@link consumeDelivery}. */
export interface ConsumeDeps {
  readonly tickets: TicketEventSink;
  readonly placements: PlacementEventSink;
  /** Time of processing: read once per message (vetting and folds of a message share one instant). */
  readonly clock: Clock;
  /** This stage's identity: a message that is not GameLift's for this stage is refused (trust.ts). */
  readonly trust: EventTrust;
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping the order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Folds one item; an event naming other players than the item is refused, not failed. */
async function foldOne(
  kind: "ticket" | "placement",
  id: string,
  playerIds: readonly string[],
  status: string,
  apply: () => Promise<boolean>,
): Promise<FoldOutcome> {
  try {
    return { kind, id, playerIds, status, applied: await apply() };
  } catch (err) {
    if (!(err instanceof ForeignPlayersError)) throw err;
    return { kind, id, playerIds, status, applied: false, rejected: err.message };
  }
}

/** Decodes one raw message: a JSON string (SNS `Message`) or an envelope object. */
export function decodeRaw(raw: RawMessage): DecodedMessage {
  if (typeof raw.body === "string") return decodeMessage(raw.body);
  if (raw.via === "raw") {
    return {
      kind: "poison",
      error: "not a GameLift event delivery",
      raw: JSON.stringify(raw.body) ?? String(raw.body),
    };
  }
  return decodeEnvelope(raw.body);
}

/**
 * Vets one decoded message against the stage's identity (trust.ts), then folds it: fans out to
 * every ticket it names, at most {@link FOLD_CONCURRENCY} writes at a time. A refused message
 * writes nothing and comes back `rejected`. Infrastructure errors propagate.
 */
export async function foldDecoded(decoded: DecodedMessage, deps: ConsumeDeps): Promise<MessageOutcome> {
  const now = deps.clock.now();
  const reason = vetDecoded(decoded, deps.trust, now);
  if (reason !== undefined && (decoded.kind === "ticket" || decoded.kind === "placement")) {
    return { kind: "rejected", envelopeId: decoded.envelopeId.slice(0, 64), eventType: decoded.eventType, reason };
  }
  switch (decoded.kind) {
    case "ticket": {
      const folds = await mapBounded(decoded.events, FOLD_CONCURRENCY, (e) =>
        foldOne("ticket", e.ticketId, e.playerIds, e.status, () => deps.tickets.apply(e, now)),
      );
      return { kind: "ticket", envelopeId: decoded.envelopeId, eventType: decoded.eventType, folds };
    }
    case "placement": {
      const folds = await mapBounded(decoded.events, FOLD_CONCURRENCY, (e) =>
        foldOne("placement", e.placementId, e.playerIds, e.status, () => deps.placements.apply(e, now)),
      );
      return { kind: "placement", envelopeId: decoded.envelopeId, eventType: decoded.eventType, folds };
    }
    default:
      return decoded;
  }
}

/** Result of {@link consumeDelivery}. */
export interface DeliveryResult {
  readonly outcomes: readonly MessageOutcome[];
  /** The first infrastructure error, when a fold failed (the delivery must be retried). */
  readonly failure?: unknown;
}

/**
 * The consumer's core: unwraps a Lambda delivery (SNS records, an EventBridge envelope, an SQS DLQ
 * body), decodes every message, folds each event with one conditional write per ticket/placement.
 * Every message is attempted even when an earlier one fails; the first infrastructure error is
 * returned as `failure` (folds are idempotent, so retrying the whole delivery is safe).
 * @example const { outcomes, failure } = await consumeDelivery(lambdaEvent, { tickets, placements, trust, clock: systemClock });
 */
export async function consumeDelivery(input: unknown, deps: ConsumeDeps): Promise<DeliveryResult> {
  const outcomes: MessageOutcome[] = [];
  let failure: unknown;
  for (const raw of unwrapDelivery(input)) {
    try {
      outcomes.push(await foldDecoded(decodeRaw(raw), deps));
    } catch (err) {
      failure ??= err;
    }
  }
  return failure === undefined ? { outcomes } : { outcomes, failure };
}
