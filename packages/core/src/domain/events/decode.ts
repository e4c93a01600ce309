import {
  envelopeSchema,
  flexMatchDetailSchema,
  placementDetailSchema,
  type Envelope,
  type FlexMatchDetail,
  type PlacementDetail,
} from "./schemas.js";
import { toTicketEvents } from "./flexMatch.js";
import { toPlacementEvent } from "./placement.js";
import {
  FLEXMATCH_EVENT_TYPES,
  PLACEMENT_EVENT_TYPES,
  type DecodedMessage,
  type EventOrigin,
  type FlexMatchEventType,
  type PlacementEventType,
} from "./types.js";

const isFlexMatch = (t: string): t is FlexMatchEventType => (FLEXMATCH_EVENT_TYPES as readonly string[]).includes(t);
const isPlacement = (t: string): t is PlacementEventType => (PLACEMENT_EVENT_TYPES as readonly string[]).includes(t);

function issues(err: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return err.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
}

/**
 * Decodes one GameLift envelope (already an object): FlexMatch events fan out per ticket, placement
 * events map to one placement; an unknown `detail.type` is `unknown` (acknowledge it); anything that
 * does not parse is `poison`.
 */
export function decodeEnvelope(input: unknown): DecodedMessage {
  const env = envelopeSchema().safeParse(input);
  if (!env.success) return { kind: "poison", error: issues(env.error), raw: safeStringify(input) };
  const e = env.data;
  const type = e.detail.type;
  if (isFlexMatch(type)) {
    const d = flexMatchDetailSchema().safeParse(e.detail);
    if (!d.success) return { kind: "poison", error: issues(d.error), raw: safeStringify(input) };
    return {
      kind: "ticket",
      envelopeId: e.id,
      eventType: type,
      origin: flexMatchOrigin(e, d.data),
      events: toTicketEvents(e, d.data, type),
    };
  }
  if (isPlacement(type)) {
    const d = placementDetailSchema().safeParse(e.detail);
    if (!d.success) return { kind: "poison", error: issues(d.error), raw: safeStringify(input) };
    return {
      kind: "placement",
      envelopeId: e.id,
      eventType: type,
      origin: placementOrigin(e, d.data),
      events: [toPlacementEvent(e, d.data, type)],
    };
  }
  return { kind: "unknown", envelopeId: e.id, eventType: type, detailType: e["detail-type"] };
}

function baseOrigin(e: Envelope): Omit<EventOrigin, "gameSessionArns" | "ticketCount" | "playerCount"> {
  return {
    source: e.source,
    detailType: e["detail-type"],
    account: e.account,
    region: e.region,
    resources: e.resources,
    time: Date.parse(e.time),
  };
}

function flexMatchOrigin(e: Envelope, d: FlexMatchDetail): EventOrigin {
  const arns = [d.gameSessionInfo?.gameSessionArn, d.gameSessionArn].filter(
    (a): a is string => typeof a === "string" && a !== "",
  );
  const ticketPlayers = d.tickets.reduce((n, t) => n + t.players.length, 0);
  return {
    ...baseOrigin(e),
    gameSessionArns: [...new Set(arns)],
    ticketCount: d.tickets.length,
    playerCount: Math.max(ticketPlayers, d.gameSessionInfo?.players.length ?? 0),
  };
}

function placementOrigin(e: Envelope, d: PlacementDetail): EventOrigin {
  return {
    ...baseOrigin(e),
    gameSessionArns: d.gameSessionArn ? [d.gameSessionArn] : [],
    ticketCount: 0,
    playerCount: d.placedPlayerSessions?.length ?? 0,
  };
}

/** Decodes an envelope given as a JSON string (the SNS `Message`). */
export function decodeMessage(message: string): DecodedMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch (err) {
    return { kind: "poison", error: `not JSON: ${err instanceof Error ? err.message : String(err)}`, raw: message };
  }
  return decodeEnvelope(parsed);
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
