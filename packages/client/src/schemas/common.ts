import * as z from "zod/mini";
import { int } from "./int.js";

/** The error envelope of every non-2xx response. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().check(z.describe("Stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED")),
      message: z.string(),
      details: z.optional(z.unknown()),
    }),
  })
  .check(z.meta({ id: "Error" }));

/** Ticket ids: GameLift's TicketId pattern. */
export const ticketId = z.string().check(z.regex(/^[a-zA-Z0-9.-]{1,128}$/, "must be a ticket id"));

/** Party ids (server-generated UUIDs). */
export const partyId = z.string().check(z.regex(/^[a-zA-Z0-9-]{1,64}$/, "must be a party id"));

/** Placement ids: GameLift's PlacementId pattern. */
export const placementId = z.string().check(z.regex(/^[a-zA-Z0-9-]{1,48}$/, "must be a placement id"));

/** An AWS Region (or GameLift location) name. */
export const region = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "must be a region such as us-east-1"));

/** Region → round-trip latency in ms, as the game client measured it. */
export const latencyInMs = z.record(region, int().check(z.minimum(1), z.maximum(99_999))).check(
  z.refine((m) => Object.keys(m).length <= 20, "at most 20 regions"),
  z.describe("Region → latency in milliseconds"),
);

/** The caller's own connection to a game session. */
export const connectionView = z
  .object({
    ipAddress: z.string(),
    dnsName: z.string(),
    port: int(),
    playerSessionId: z.string(),
  })
  .check(z.meta({ id: "Connection" }));

/** A path-parameter schema with only `{ ticketId }`. */
export const ticketParams = z.object({ ticketId });
/** A path-parameter schema with only `{ partyId }`. */
export const partyParams = z.object({ partyId });
/** A path-parameter schema with only `{ placementId }`. */
export const placementParams = z.object({ placementId });
