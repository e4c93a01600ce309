import * as z from "zod";

/** The error envelope of every non-2xx response. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED"),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

/** Ticket ids: GameLift's TicketId pattern. */
export const ticketId = z.string().regex(/^[a-zA-Z0-9.-]{1,128}$/, "must be a ticket id");

/** Party ids (server-generated UUIDs). */
export const partyId = z.string().regex(/^[a-zA-Z0-9-]{1,64}$/, "must be a party id");

/** Placement ids: GameLift's PlacementId pattern. */
export const placementId = z.string().regex(/^[a-zA-Z0-9-]{1,48}$/, "must be a placement id");

/** An AWS Region (or GameLift location) name. */
export const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "must be a region such as us-east-1");

/** Region → round-trip latency in ms, as the game client measured it. */
export const latencyInMs = z
  .record(region, z.number().int().min(1).max(99_999))
  .refine((m) => Object.keys(m).length <= 20, "at most 20 regions")
  .describe("Region → latency in milliseconds");

/** The caller's own connection to a game session. */
export const connectionView = z
  .object({
    ipAddress: z.string(),
    dnsName: z.string(),
    port: z.number().int(),
    playerSessionId: z.string(),
  })
  .meta({ id: "Connection" });

/** A path-parameter schema with only `{ ticketId }`. */
export const ticketParams = z.object({ ticketId });
/** A path-parameter schema with only `{ partyId }`. */
export const partyParams = z.object({ partyId });
/** A path-parameter schema with only `{ placementId }`. */
export const placementParams = z.object({ placementId });
