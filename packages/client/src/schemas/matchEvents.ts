/**
 * Outbound match events: one SNS message on the `MatchEvents` topic per visible transition of a
 * ticket or placement, for a studio's own workflows (stats, rewards, analytics, Step Functions).
 * Message attributes `type` and `configurationName` (tickets) or `queueName` (placements) let a
 * subscription filter them. Delivery is at-least-once: deduplicate on `id`, which is stable for a
 * transition (a duplicate or reordered GameLift notification never makes a second one).
 */
import * as z from "zod/mini";
import { once, PLACEMENT_STATUSES, TICKET_STATUSES } from "@matchplace/core";
import { int } from "./int.js";

/** Ticket transitions published (`Ticket` + the new status in PascalCase). */
export const TICKET_EVENT_TYPES = [
  "TicketSearching",
  "TicketRequiresAcceptance",
  "TicketPlacing",
  "TicketCompleted",
  "TicketFailed",
  "TicketCancelled",
  "TicketTimedOut",
] as const;
/** Placement transitions published. */
export const PLACEMENT_EVENT_TYPES = [
  "PlacementFulfilled",
  "PlacementFailed",
  "PlacementTimedOut",
  "PlacementCancelled",
] as const;
/** Result events published: a game server's result was recorded and ratings updated. */
export const RESULT_EVENT_TYPES = ["MatchResultRecorded"] as const;
/** Every `type` of a MatchEvents message. */
export const MATCH_EVENT_TYPES = [...TICKET_EVENT_TYPES, ...PLACEMENT_EVENT_TYPES, ...RESULT_EVENT_TYPES] as const;

/** Where a placed match's players connect (the game session). */
export const matchEventConnection = /* @__PURE__ */ once(() =>
  z
    .object({ gameSessionArn: z.string(), ipAddress: z.string(), dnsName: z.string(), port: int() })
    .check(z.meta({ id: "MatchEventConnection" })),
);

/** A player of the ticket or placement, with what the backend knows of them. */
export const matchEventPlayer = /* @__PURE__ */ once(() =>
  z
    .object({
      playerId: z.string(),
      team: z.optional(z.string()),
      playerSessionId: z.optional(z.string()),
      accepted: z.optional(z.boolean()),
    })
    .check(z.meta({ id: "MatchEventPlayer" })),
);

const envelope = /* @__PURE__ */ once(() => ({
  id: z.string().check(z.describe("Stable per transition: `<kind>:<id>:<version>`; deduplicate on it")),
  time: z.string().check(z.describe("When the backend recorded the transition (ISO 8601)")),
  version: int().check(z.describe("The item's version after the transition")),
  players: z.array(matchEventPlayer()),
  reason: z.optional(z.string()),
  connection: z.optional(matchEventConnection()),
}));

/** A ticket changed status. */
export const ticketMatchEvent = /* @__PURE__ */ once(() =>
  z
    .object({
      type: z.enum(TICKET_EVENT_TYPES),
      ticketId: z.string(),
      status: z.enum(TICKET_STATUSES),
      previousStatus: z.optional(z.enum(TICKET_STATUSES)),
      configurationName: z.string(),
      partyId: z.optional(z.string()),
      matchId: z.optional(z.string()),
      backfillOf: z.optional(z.string()),
      ...envelope(),
    })
    .check(z.meta({ id: "TicketMatchEvent" })),
);

/** A placement changed status. */
export const placementMatchEvent = /* @__PURE__ */ once(() =>
  z
    .object({
      type: z.enum(PLACEMENT_EVENT_TYPES),
      placementId: z.string(),
      status: z.enum(PLACEMENT_STATUSES),
      previousStatus: z.optional(z.enum(PLACEMENT_STATUSES)),
      queueName: z.string(),
      gameSessionRegion: z.optional(z.string()),
      ...envelope(),
    })
    .check(z.meta({ id: "PlacementMatchEvent" })),
);

/** A rating in a result event. */
export const matchEventRating = /* @__PURE__ */ once(() =>
  z
    .object({
      mu: z.number(),
      sigma: z.number(),
      display: z.number().check(z.describe("mu - 3 sigma")),
      matches: int(),
    })
    .check(z.meta({ id: "MatchEventRating" })),
);

/**
 * A game server's result was recorded and every player's rating updated (in one transaction).
 * Published by the results route, again on an identical retry: deduplicate on `id`.
 */
export const matchResultRecordedEvent = /* @__PURE__ */ once(() =>
  z
    .object({
      type: z.enum(RESULT_EVENT_TYPES),
      id: z.string().check(z.describe("`result:<gameSessionArn>`: one result per game session; deduplicate on it")),
      time: z.string().check(z.describe("When the result was recorded (ISO 8601)")),
      gameSessionArn: z.string(),
      configurationName: z.string().check(z.describe("The rating pool: the matchmaking configuration's name")),
      players: z.array(
        z.object({ playerId: z.string(), team: z.string(), before: matchEventRating(), after: matchEventRating() }),
      ),
      teams: z.array(z.object({ team: z.string(), rank: z.optional(z.number()), score: z.optional(z.number()) })),
      leftEarly: z.array(z.string()),
    })
    .check(z.meta({ id: "MatchResultRecordedEvent" })),
);

/** Every MatchEvents message body. */
export const matchEvent = /* @__PURE__ */ once(() =>
  z.union([ticketMatchEvent(), placementMatchEvent(), matchResultRecordedEvent()]).check(z.meta({ id: "MatchEvent" })),
);

/** A MatchEvents message body. */
export type MatchEvent = z.output<ReturnType<typeof matchEvent>>;
