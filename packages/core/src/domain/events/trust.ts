import * as z from "zod/mini";
import { once } from "../once.js";
import { isAutoBackfillTicketId } from "./flexMatch.js";
import type { DecodedMessage, EventOrigin, PlacementEvent, TicketEvent } from "./types.js";

/**
 * What this stage is: the one definition of "an event GameLift sent to us", used by the consumer
 * on AWS, by the DLQ redrive, and (through the same consumer) by the local stage.
 *
 * On AWS it comes from the `EventsTrust` link (infra/trust.ts); locally from the seeded emulator.
 */
export interface EventTrust {
  /** The account GameLift runs in for this stage (envelope `account`). */
  readonly account: string;
  /** The Region of this stage's configurations and queues (envelope `region`). */
  readonly region: string;
  /** Matchmaking configuration ARNs and game session queue ARNs that may appear in `resources`. */
  readonly resources: readonly string[];
  /**
   * Fleets this stage's queues can place on (fleet IDs: the queue destinations, aliases resolved
   * by the deployer). A game session on any other fleet is refused.
   */
  readonly fleetIds: readonly string[];
  /** When set, the game-session locations (remote location or home Region) allowed. */
  readonly locations?: readonly string[];
  /** How far in the future an event `time` may be (default {@link DEFAULT_MAX_SKEW_MS}). */
  readonly maxSkewMs?: number;
}

/** Default tolerated clock skew of an event time in the future: 5 minutes. */
export const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * Upper bounds of what GameLift can send (gamelift-facts §2, §6). Anything longer is not from
 * GameLift and never reaches the table (keeps every item far below DynamoDB's 400 KiB).
 */
export const EVENT_LIMITS = {
  /** Envelope id: a UUID. */
  eventId: 64,
  /** TicketId `^[a-zA-Z0-9-\.]*$` ≤ 128. */
  ticketId: 128,
  /** PlacementId 1..48. */
  placementId: 48,
  /** Player ids this API accepts (the JWT `sub`). */
  playerId: 128,
  team: 128,
  playerSessionId: 128,
  matchId: 64,
  reason: 256,
  message: 1024,
  name: 128,
  arn: 512,
  ipAddress: 64,
  dnsName: 256,
  region: 64,
  /** A FlexMatch match has at most 200 players, so at most 200 tickets. */
  ticketsPerEvent: 200,
  playersPerEvent: 200,
} as const;

/** Why an event was refused; `undefined` from {@link vetDecoded} means accepted. */
export type RejectReason = string;

const SOURCE = "aws.gamelift";
const FLEXMATCH_DETAIL_TYPE = "GameLift Matchmaking Event";
const PLACEMENT_DETAIL_TYPE = "GameLift Queue Placement Event";

/** `arn:aws:gamelift:<region>::gamesession/<fleetId>[/<location>]/<id>` → its parts, else undefined. */
export function parseGameSessionArn(
  arn: string,
): { region: string; fleetId: string; location?: string; id: string } | undefined {
  const m =
    /^arn:[a-z-]+:gamelift:([a-z0-9-]+):\d*:gamesession\/([a-z]*fleet-[a-zA-Z0-9-]+)\/(?:([A-Za-z0-9-]+)\/)?([^/]+)$/.exec(
      arn,
    );
  if (!m?.[1] || !m[2] || !m[4]) return undefined;
  return { region: m[1], fleetId: m[2], ...(m[3] ? { location: m[3] } : {}), id: m[4] };
}

function tooLong(what: string, value: string | undefined, max: number): RejectReason | undefined {
  return value !== undefined && value.length > max ? `${what} longer than ${max}` : undefined;
}

function firstOf(...reasons: (RejectReason | undefined)[]): RejectReason | undefined {
  return reasons.find((r) => r !== undefined);
}

function playerBounds(
  players: Readonly<Record<string, { team?: string; playerSessionId?: string }>>,
  ids: readonly string[],
): RejectReason | undefined {
  for (const id of ids) {
    const r = tooLong("playerId", id, EVENT_LIMITS.playerId);
    if (r) return r;
  }
  for (const p of Object.values(players)) {
    const r = firstOf(
      tooLong("team", p.team, EVENT_LIMITS.team),
      tooLong("playerSessionId", p.playerSessionId, EVENT_LIMITS.playerSessionId),
    );
    if (r) return r;
  }
  return undefined;
}

function connectionBounds(c: TicketEvent["connection"]): RejectReason | undefined {
  if (!c) return undefined;
  return firstOf(
    tooLong("gameSessionArn", c.gameSessionArn, EVENT_LIMITS.arn),
    tooLong("ipAddress", c.ipAddress, EVENT_LIMITS.ipAddress),
    tooLong("dnsName", c.dnsName, EVENT_LIMITS.dnsName),
  );
}

/** The first stored field of a ticket event that exceeds what GameLift can send. */
export function ticketEventBounds(e: TicketEvent): RejectReason | undefined {
  return firstOf(
    tooLong("id", e.id, EVENT_LIMITS.eventId),
    tooLong("ticketId", e.ticketId, EVENT_LIMITS.ticketId),
    tooLong("configurationName", e.configurationName, EVENT_LIMITS.name),
    tooLong("matchId", e.matchId, EVENT_LIMITS.matchId),
    tooLong("reason", e.reason, EVENT_LIMITS.reason),
    tooLong("message", e.message, EVENT_LIMITS.message),
    tooLong("backfillOf", e.backfillOf, EVENT_LIMITS.arn),
    e.playerIds.length > EVENT_LIMITS.playersPerEvent ? `more than ${EVENT_LIMITS.playersPerEvent} players` : undefined,
    playerBounds(e.players, e.playerIds),
    connectionBounds(e.connection),
  );
}

/** The first stored field of a placement event that exceeds what GameLift can send. */
export function placementEventBounds(e: PlacementEvent): RejectReason | undefined {
  return firstOf(
    tooLong("id", e.id, EVENT_LIMITS.eventId),
    tooLong("placementId", e.placementId, EVENT_LIMITS.placementId),
    tooLong("queueName", e.queueName, EVENT_LIMITS.name),
    tooLong("reason", e.reason, EVENT_LIMITS.reason),
    tooLong("gameSessionRegion", e.gameSessionRegion, EVENT_LIMITS.region),
    e.playerIds.length > EVENT_LIMITS.playersPerEvent ? `more than ${EVENT_LIMITS.playersPerEvent} players` : undefined,
    playerBounds(e.players, e.playerIds),
    connectionBounds(e.connection),
  );
}

function originReason(
  origin: EventOrigin,
  trust: EventTrust,
  now: number,
  kind: "ticket" | "placement",
): RejectReason | undefined {
  if (origin.source !== SOURCE) return `source is not ${SOURCE}`;
  const detailType = kind === "ticket" ? FLEXMATCH_DETAIL_TYPE : PLACEMENT_DETAIL_TYPE;
  if (origin.detailType !== detailType) return `detail-type is not "${detailType}"`;
  if (origin.account !== trust.account) return "account is not this stage's";
  if (origin.region !== trust.region) return "region is not this stage's";
  if (origin.resources.length !== 1 || !trust.resources.includes(origin.resources[0] ?? ""))
    return "resources is not this stage's configuration or queue";
  const resourceKind = kind === "ticket" ? ":matchmakingconfiguration/" : ":gamesessionqueue/";
  if (!(origin.resources[0] ?? "").includes(resourceKind))
    return `resources does not name a ${kind === "ticket" ? "matchmaking configuration" : "game session queue"}`;
  if (origin.time > now + (trust.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) return "time is in the future";
  if (origin.ticketCount > EVENT_LIMITS.ticketsPerEvent) return `more than ${EVENT_LIMITS.ticketsPerEvent} tickets`;
  if (origin.playerCount > EVENT_LIMITS.playersPerEvent) return `more than ${EVENT_LIMITS.playersPerEvent} players`;
  for (const arn of origin.gameSessionArns) {
    if (arn.length > EVENT_LIMITS.arn) return `gameSessionArn longer than ${EVENT_LIMITS.arn}`;
    const gs = parseGameSessionArn(arn);
    if (!gs) return "gameSessionArn is not a game session ARN";
    if (gs.region !== trust.region) return "game session is not in this stage's Region";
    if (!trust.fleetIds.includes(gs.fleetId)) return "game session is not on a fleet this stage's queues place on";
    if (trust.locations && !trust.locations.includes(gs.location ?? gs.region))
      return "game session is not in a location this stage's queues place on";
  }
  return undefined;
}

/**
 * Vets a decoded message against this stage's identity: `source`, `detail-type`, `account`,
 * `region`, `resources` (a configuration ARN for FlexMatch, a queue ARN for placements), `time`
 * (at most `maxSkewMs` in the future: refused, not clamped), fan-out caps, the game session's fleet
 * and location, ticket players, and every stored field's length. Unknown and poison messages pass
 * through unchanged.
 * @returns the reason the message is refused, or `undefined` when it may be folded.
 * @example const reason = vetDecoded(decodeMessage(body), trust, Date.now());
 */
export function vetDecoded(decoded: DecodedMessage, trust: EventTrust, now: number): RejectReason | undefined {
  if (decoded.kind === "poison" || decoded.kind === "unknown") return undefined;
  const origin = originReason(decoded.origin, trust, now, decoded.kind);
  if (origin) return origin;
  if (decoded.kind === "ticket") {
    for (const e of decoded.events) {
      // A ticket always names its players; only GameLift's own auto-backfill ticket may not.
      if (e.playerIds.length === 0 && !isAutoBackfillTicketId(e.ticketId))
        return `ticket ${e.ticketId.slice(0, 64)} lists no players`;
      const r = ticketEventBounds(e);
      if (r) return r;
    }
    return undefined;
  }
  for (const e of decoded.events) {
    const r = placementEventBounds(e);
    if (r) return r;
  }
  return undefined;
}

/** The `EventsTrust` link's schema, built on the first {@link parseEventTrust}. */
const trustSchema = /* @__PURE__ */ once(() =>
  z.strictObject({
    account: z.string().check(z.regex(/^\d{12}$/)),
    region: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
    resources: z.array(z.string().check(z.startsWith("arn:"))).check(z.minLength(1)),
    fleetIds: z.array(z.string().check(z.minLength(1))),
    locations: z.optional(z.array(z.string().check(z.minLength(1)))),
    maxSkewMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
);

/** The stage identity given to the consumer is missing or malformed (fail closed: nothing is folded). */
export class InvalidEventTrustError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(`invalid EventsTrust: ${message}`, options);
    this.name = "InvalidEventTrustError";
  }
}

/**
 * Parses the `EventsTrust` link (or the local stage's equivalent) into an {@link EventTrust}.
 * @throws InvalidEventTrustError when a field is missing or malformed.
 * @example const trust = parseEventTrust(JSON.parse(process.env.SST_RESOURCE_EventsTrust ?? "null"));
 */
export function parseEventTrust(value: unknown): EventTrust {
  const r = trustSchema().safeParse(value);
  if (!r.success)
    throw new InvalidEventTrustError(
      r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
    );
  const t = r.data;
  return {
    account: t.account,
    region: t.region,
    resources: t.resources,
    fleetIds: t.fleetIds,
    ...(t.locations ? { locations: t.locations } : {}),
    ...(t.maxSkewMs === undefined ? {} : { maxSkewMs: t.maxSkewMs }),
  };
}
