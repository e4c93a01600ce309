import { decodeEnvelope, decodeMessage } from "./decode.js";
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
}

/** What happened to one message of a delivery. */
export type MessageOutcome =
  | { readonly kind: "ticket" | "placement"; readonly envelopeId: string; readonly eventType: string; readonly folds: readonly FoldOutcome[] }
  | { readonly kind: "unknown"; readonly envelopeId: string; readonly eventType: string; readonly detailType: string }
  | { readonly kind: "poison"; readonly error: string; readonly raw: string };

/** Dependencies of {@link consumeDelivery}. */
export interface ConsumeDeps {
  readonly tickets: TicketEventSink;
  readonly placements: PlacementEventSink;
  /** Epoch ms of processing (the caller's clock). */
  readonly now: number;
}

/** Decodes one raw message: a JSON string (SNS `Message`) or an envelope object. */
export function decodeRaw(raw: RawMessage): DecodedMessage {
  if (typeof raw.body === "string") return decodeMessage(raw.body);
  if (raw.via === "raw") {
    return { kind: "poison", error: "not a GameLift event delivery", raw: JSON.stringify(raw.body) ?? String(raw.body) };
  }
  return decodeEnvelope(raw.body);
}

/** Folds one decoded message; fans out to every ticket it names. Infrastructure errors propagate. */
export async function foldDecoded(decoded: DecodedMessage, deps: ConsumeDeps): Promise<MessageOutcome> {
  switch (decoded.kind) {
    case "ticket": {
      const folds = await Promise.all(
        decoded.events.map(async (e): Promise<FoldOutcome> => ({
          kind: "ticket",
          id: e.ticketId,
          playerIds: e.playerIds,
          status: e.status,
          applied: await deps.tickets.apply(e, deps.now),
        })),
      );
      return { kind: "ticket", envelopeId: decoded.envelopeId, eventType: decoded.eventType, folds };
    }
    case "placement": {
      const folds = await Promise.all(
        decoded.events.map(async (e): Promise<FoldOutcome> => ({
          kind: "placement",
          id: e.placementId,
          playerIds: e.playerIds,
          status: e.status,
          applied: await deps.placements.apply(e, deps.now),
        })),
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
 * @example const { outcomes, failure } = await consumeDelivery(lambdaEvent, { tickets, placements, now: Date.now() });
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
