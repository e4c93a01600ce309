import type { Catalog } from "@matchplace/core";
import * as z from "zod/mini";
import {
  acceptMatchBody,
  createPartyBody,
  errorBody,
  joinPartyBody,
  partyParams,
  partyView,
  placementParams,
  placementView,
  matchmakingSchemas,
  placementSchemas,
  playerView,
  startMatchmakingResponse,
  ticketParams,
  ticketView,
  updatePlayerBody,
} from "./schemas/index.js";

/** One dependency's answer to the health check (error name only). */
const dependencyCheck = z.object({
  status: z.enum(["ok", "error"]),
  latencyMs: z.number(),
  error: z.optional(z.string()),
});

/** Body of GET /v1/health: 200 `ok` when DynamoDB and GameLift answer, else 503 `degraded`. */
export const healthView = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ dynamodb: dependencyCheck, gamelift: dependencyCheck }),
  })
  .check(z.meta({ id: "Health" }));

/** 202 reply of POST /v1/placements. */
export const startPlacementResponse = z
  .object({ placementId: z.string(), status: z.string(), retryAfterMs: z.number().check(z.int()) })
  .check(z.meta({ id: "StartPlacementResponse" }));

/** 202 reply of POST /v1/matchmaking/{ticketId}/accept. */
export const acceptMatchResponse = z
  .object({ ticketId: z.string(), accepted: z.boolean() })
  .check(z.meta({ id: "AcceptMatchResponse" }));

/** The OpenAPI document itself (opaque). */
const openApiDocument = z.record(z.string(), z.unknown()).check(z.meta({ id: "OpenApiDocument" }));

/** One API operation: what the handler validates and what it answers, for the client and OpenAPI. */
export interface OperationSpec {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  readonly path: string;
  readonly auth: boolean;
  readonly summary: string;
  readonly params?: z.ZodMiniObject;
  /** The body schema, or its builder when it depends on the stage's matchmaking catalog. */
  readonly body?: z.ZodMiniType | ((catalog: Catalog) => z.ZodMiniType);
  /** Success status and body schema (`undefined` for 204). */
  readonly success: { readonly status: number; readonly schema?: z.ZodMiniType };
  /** Error statuses the operation may answer besides 400/401/413/415/429/503. */
  readonly errors: readonly number[];
  /** Whether it honours `Idempotency-Key`. */
  readonly idempotent?: boolean;
  /** Whether it answers ETag / 304. */
  readonly conditional?: boolean;
}

/**
 * Every operation of the player API, keyed by operationId. The server's route table
 * (`@matchplace/functions/routes`) must list exactly these method/path pairs (checked by a test).
 */
export const operations = {
  getHealth: {
    method: "GET",
    path: "/v1/health",
    auth: false,
    summary: "Health of the API and each dependency",
    success: { status: 200, schema: healthView },
    errors: [503],
  },
  getOpenApi: {
    method: "GET",
    path: "/v1/openapi.json",
    auth: false,
    summary: "This document",
    success: { status: 200, schema: openApiDocument },
    errors: [],
  },
  getMe: {
    method: "GET",
    path: "/v1/players/me",
    auth: true,
    summary: "The caller's profile (defaults on first sight)",
    success: { status: 200, schema: playerView },
    errors: [],
  },
  updateMe: {
    method: "PATCH",
    path: "/v1/players/me",
    auth: true,
    summary: "Set the caller's client-settable attributes",
    body: updatePlayerBody,
    success: { status: 200, schema: playerView },
    errors: [422],
    idempotent: true,
  },
  createParty: {
    method: "POST",
    path: "/v1/parties",
    auth: true,
    summary: "Found a party; the caller leads it",
    body: createPartyBody,
    success: { status: 201, schema: partyView },
    errors: [409, 422],
    idempotent: true,
  },
  joinParty: {
    method: "POST",
    path: "/v1/parties/join",
    auth: true,
    summary: "Join a party by its code",
    body: joinPartyBody,
    success: { status: 200, schema: partyView },
    errors: [404, 409, 422],
    idempotent: true,
  },
  getParty: {
    method: "GET",
    path: "/v1/parties/{partyId}",
    auth: true,
    summary: "A party the caller belongs to",
    params: partyParams,
    success: { status: 200, schema: partyView },
    errors: [404],
  },
  leaveParty: {
    method: "DELETE",
    path: "/v1/parties/{partyId}/members/me",
    auth: true,
    summary: "Leave a party",
    params: partyParams,
    success: { status: 204 },
    errors: [404, 409, 422],
    idempotent: true,
  },
  startMatchmaking: {
    method: "POST",
    path: "/v1/matchmaking",
    auth: true,
    summary: "Start matchmaking for the caller or the caller's party",
    body: (catalog) => matchmakingSchemas(catalog).startMatchmakingBody,
    success: { status: 202, schema: startMatchmakingResponse },
    errors: [409, 422],
    idempotent: true,
  },
  getCurrentTicket: {
    method: "GET",
    path: "/v1/matchmaking/current",
    auth: true,
    summary: "The caller's current ticket",
    success: { status: 200, schema: ticketView },
    errors: [304, 404],
    conditional: true,
  },
  getTicket: {
    method: "GET",
    path: "/v1/matchmaking/{ticketId}",
    auth: true,
    summary: "A ticket as the caller sees it",
    params: ticketParams,
    success: { status: 200, schema: ticketView },
    errors: [304, 404],
    conditional: true,
  },
  acceptMatch: {
    method: "POST",
    path: "/v1/matchmaking/{ticketId}/accept",
    auth: true,
    summary: "Accept or reject a proposed match for the caller",
    params: ticketParams,
    body: acceptMatchBody,
    success: { status: 202, schema: acceptMatchResponse },
    errors: [404, 409, 422],
    idempotent: true,
  },
  stopMatchmaking: {
    method: "DELETE",
    path: "/v1/matchmaking/{ticketId}",
    auth: true,
    summary: "Cancel a ticket (harmless once ended)",
    params: ticketParams,
    success: { status: 204 },
    errors: [404, 409, 422],
    idempotent: true,
  },
  startPlacement: {
    method: "POST",
    path: "/v1/placements",
    auth: true,
    summary: "Place a game session on a queue for the caller or party",
    body: (catalog) => placementSchemas(catalog).startPlacementBody,
    success: { status: 202, schema: startPlacementResponse },
    errors: [409, 422],
    idempotent: true,
  },
  getPlacement: {
    method: "GET",
    path: "/v1/placements/{placementId}",
    auth: true,
    summary: "A placement with the caller's own player session",
    params: placementParams,
    success: { status: 200, schema: placementView },
    errors: [304, 404],
    conditional: true,
  },
  stopPlacement: {
    method: "DELETE",
    path: "/v1/placements/{placementId}",
    auth: true,
    summary: "Cancel a pending placement",
    params: placementParams,
    success: { status: 204 },
    errors: [404, 409, 422],
    idempotent: true,
  },
} as const satisfies Record<string, OperationSpec>;

/** Operation ids. */
export type OperationId = keyof typeof operations;

/** The error envelope schema, re-exported for convenience. */
export { errorBody };
