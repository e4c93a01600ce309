import { once } from "@matchplace/core";
import * as z from "zod/mini";
import { int } from "./int.js";

/*
 * Every schema of the API is a memoised builder (`once`): loading a module builds nothing, so a
 * handler builds only the schemas its requests use, on first use, once per process.
 */

/** The error envelope of every non-2xx response. */
export const errorBody = /* @__PURE__ */ once(() =>
  z
    .object({
      error: z.object({
        code: z.string().check(z.describe("Stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED")),
        message: z.string(),
        details: z.optional(z.unknown()),
      }),
    })
    .check(z.meta({ id: "Error" })),
);

/** Ticket ids: GameLift's TicketId pattern. */
export const ticketId = /* @__PURE__ */ once(() =>
  z.string().check(z.regex(/^[a-zA-Z0-9.-]{1,128}$/, "must be a ticket id")),
);

/** Party ids (server-generated UUIDs). */
export const partyId = /* @__PURE__ */ once(() =>
  z.string().check(z.regex(/^[a-zA-Z0-9-]{1,64}$/, "must be a party id")),
);

/** Placement ids: GameLift's PlacementId pattern. */
export const placementId = /* @__PURE__ */ once(() =>
  z.string().check(z.regex(/^[a-zA-Z0-9-]{1,48}$/, "must be a placement id")),
);

/** An AWS Region (or GameLift location) name. */
export const region = /* @__PURE__ */ once(() =>
  z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "must be a region such as us-east-1")),
);

/** Region → round-trip latency in ms, as the game client measured it. */
export const latencyInMs = /* @__PURE__ */ once(() =>
  z.record(region(), int().check(z.minimum(1), z.maximum(99_999))).check(
    z.refine((m) => Object.keys(m).length <= 20, "at most 20 regions"),
    z.describe("Region → latency in milliseconds"),
  ),
);

/** The caller's own connection to a game session. */
export const connectionView = /* @__PURE__ */ once(() =>
  z
    .object({
      ipAddress: z.string(),
      dnsName: z.string(),
      port: int(),
      playerSessionId: z.string(),
    })
    .check(z.meta({ id: "Connection" })),
);

/** A path-parameter schema with only `{ ticketId }`. */
export const ticketParams = /* @__PURE__ */ once(() => z.object({ ticketId: ticketId() }));
/** A path-parameter schema with only `{ partyId }`. */
export const partyParams = /* @__PURE__ */ once(() => z.object({ partyId: partyId() }));
/** A path-parameter schema with only `{ placementId }`. */
export const placementParams = /* @__PURE__ */ once(() => z.object({ placementId: placementId() }));
