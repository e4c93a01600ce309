/**
 * Outbound match events: one SNS message on the `MatchEvents` topic per visible transition of a
 * ticket or placement, for a studio's own workflows (stats, rewards, analytics, Step Functions).
 * Message attributes `type` and `configurationName` (tickets) or `queueName` (placements) let a
 * subscription filter them. Delivery is at-least-once: deduplicate on `id`, which is stable for a
 * transition (a duplicate or reordered GameLift notification never makes a second one).
 */
import * as z from "zod";
import { PLACEMENT_STATUSES, TICKET_STATUSES } from "@matchplace/core";

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
export const PLACEMENT_EVENT_TYPES = ["PlacementFulfilled", "PlacementFailed", "PlacementTimedOut", "PlacementCancelled"] as const;
/** Result events published: a game server's result was recorded and ratings updated. */
export const RESULT_EVENT_TYPES = ["MatchResultRecorded"] as const;
/** Every `type` of a MatchEvents message. */
export const MATCH_EVENT_TYPES = [...TICKET_EVENT_TYPES, ...PLACEMENT_EVENT_TYPES, ...RESULT_EVENT_TYPES] as const;

/** Where a placed match's players connect (the game session). */
export const matchEventConnection = z
  .object({ gameSessionArn: z.string(), ipAddress: z.string(), dnsName: z.string(), port: z.number().int() })
  .meta({ id: "MatchEventConnection" });

/** A player of the ticket or placement, with what the backend knows of them. */
export const matchEventPlayer = z
  .object({
    playerId: z.string(),
    team: z.string().optional(),
    playerSessionId: z.string().optional(),
    accepted: z.boolean().optional(),
  })
  .meta({ id: "MatchEventPlayer" });

const envelope = {
  id: z.string().describe("Stable per transition: `<kind>:<id>:<version>`; deduplicate on it"),
  time: z.string().describe("When the backend recorded the transition (ISO 8601)"),
  version: z.number().int().describe("The item's version after the transition"),
  players: z.array(matchEventPlayer),
  reason: z.string().optional(),
  connection: matchEventConnection.optional(),
};

/** A ticket changed status. */
export const ticketMatchEvent = z
  .object({
    type: z.enum(TICKET_EVENT_TYPES),
    ticketId: z.string(),
    status: z.enum(TICKET_STATUSES),
    previousStatus: z.enum(TICKET_STATUSES).optional(),
    configurationName: z.string(),
    partyId: z.string().optional(),
    matchId: z.string().optional(),
    backfillOf: z.string().optional(),
    ...envelope,
  })
  .meta({ id: "TicketMatchEvent" });

/** A placement changed status. */
export const placementMatchEvent = z
  .object({
    type: z.enum(PLACEMENT_EVENT_TYPES),
    placementId: z.string(),
    status: z.enum(PLACEMENT_STATUSES),
    previousStatus: z.enum(PLACEMENT_STATUSES).optional(),
    queueName: z.string(),
    gameSessionRegion: z.string().optional(),
    ...envelope,
  })
  .meta({ id: "PlacementMatchEvent" });

/** A rating in a result event. */
export const matchEventRating = z
  .object({ mu: z.number(), sigma: z.number(), display: z.number().describe("mu - 3 sigma"), matches: z.number().int() })
  .meta({ id: "MatchEventRating" });

/**
 * A game server's result was recorded and every player's rating updated (in one transaction).
 * Published by the results route, again on an identical retry: deduplicate on `id`.
 */
export const matchResultRecordedEvent = z
  .object({
    type: z.enum(RESULT_EVENT_TYPES),
    id: z.string().describe("`result:<gameSessionArn>`: one result per game session; deduplicate on it"),
    time: z.string().describe("When the result was recorded (ISO 8601)"),
    gameSessionArn: z.string(),
    configurationName: z.string().describe("The rating pool: the matchmaking configuration's name"),
    players: z.array(
      z.object({ playerId: z.string(), team: z.string(), before: matchEventRating, after: matchEventRating }),
    ),
    teams: z.array(z.object({ team: z.string(), rank: z.number().optional(), score: z.number().optional() })),
    leftEarly: z.array(z.string()),
  })
  .meta({ id: "MatchResultRecordedEvent" });

/** Every MatchEvents message body. */
export const matchEvent = z.union([ticketMatchEvent, placementMatchEvent, matchResultRecordedEvent]).meta({ id: "MatchEvent" });

/** A MatchEvents message body. */
export type MatchEvent = z.output<typeof matchEvent>;
