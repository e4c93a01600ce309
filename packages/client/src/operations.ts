import type { Catalog } from "@matchplace/core";
import { routes } from "@matchplace/functions/routes";
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

/**
 * The routes that are the client's operations: the player API (`auth: "jwt"`) and the public routes
 * (`auth: false`). Game-server routes (`auth: "iam"`, SigV4) are not: game servers are no client of
 * the player API, and the player API's OpenAPI document does not describe them.
 */
type ClientRoute = Exclude<(typeof routes)[number], { readonly auth: "iam" }>;

/** What a client operation adds to its route: the schemas and statuses, for the client and OpenAPI. */
interface OperationContract {
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

/** One API operation: its route's method, path and auth, and what the handler validates and answers. */
export interface OperationSpec extends OperationContract {
  readonly method: ClientRoute["method"];
  readonly path: string;
  /** Whether the caller must send a player's JWT (`auth: "jwt"` in routes.ts). */
  readonly auth: boolean;
}

/**
 * The contract of every operation of the player API, keyed by the `operationId` of its route in
 * `@matchplace/functions/routes`. Exactly one per client route: a route with no entry here, or an
 * entry with no route, does not type-check.
 */
const contracts = {
  getHealth: {
    summary: "Health of the API and each dependency",
    success: { status: 200, schema: healthView },
    errors: [503],
  },
  getOpenApi: {
    summary: "This document",
    success: { status: 200, schema: openApiDocument },
    errors: [],
  },
  getMe: {
    summary: "The caller's profile (defaults on first sight)",
    success: { status: 200, schema: playerView() },
    errors: [],
  },
  updateMe: {
    summary: "Set the caller's client-settable attributes",
    body: updatePlayerBody,
    success: { status: 200, schema: playerView() },
    errors: [422],
    idempotent: true,
  },
  createParty: {
    summary: "Found a party; the caller leads it",
    body: createPartyBody(),
    success: { status: 201, schema: partyView() },
    errors: [409, 422],
    idempotent: true,
  },
  joinParty: {
    summary: "Join a party by its code",
    body: joinPartyBody(),
    success: { status: 200, schema: partyView() },
    errors: [404, 409, 422],
    idempotent: true,
  },
  getParty: {
    summary: "A party the caller belongs to",
    params: partyParams(),
    success: { status: 200, schema: partyView() },
    errors: [404],
  },
  leaveParty: {
    summary: "Leave a party",
    params: partyParams(),
    success: { status: 204 },
    errors: [404, 409, 422],
    idempotent: true,
  },
  startMatchmaking: {
    summary: "Start matchmaking for the caller or the caller's party",
    body: (catalog) => matchmakingSchemas(catalog).startMatchmakingBody,
    success: { status: 202, schema: startMatchmakingResponse() },
    errors: [409, 422],
    idempotent: true,
  },
  getCurrentTicket: {
    summary: "The caller's current ticket",
    success: { status: 200, schema: ticketView() },
    errors: [304, 404],
    conditional: true,
  },
  getTicket: {
    summary: "A ticket as the caller sees it",
    params: ticketParams(),
    success: { status: 200, schema: ticketView() },
    errors: [304, 404],
    conditional: true,
  },
  acceptMatch: {
    summary: "Accept or reject a proposed match for the caller",
    params: ticketParams(),
    body: acceptMatchBody(),
    success: { status: 202, schema: acceptMatchResponse },
    errors: [404, 409, 422],
    idempotent: true,
  },
  stopMatchmaking: {
    summary: "Cancel a ticket (harmless once ended)",
    params: ticketParams(),
    success: { status: 204 },
    errors: [404, 409, 422],
    idempotent: true,
  },
  startPlacement: {
    summary: "Place a game session on a queue for the caller or party",
    body: (catalog) => placementSchemas(catalog).startPlacementBody,
    success: { status: 202, schema: startPlacementResponse },
    errors: [409, 422],
    idempotent: true,
  },
  getPlacement: {
    summary: "A placement with the caller's own player session",
    params: placementParams(),
    success: { status: 200, schema: placementView() },
    errors: [304, 404],
    conditional: true,
  },
  stopPlacement: {
    summary: "Cancel a pending placement",
    params: placementParams(),
    success: { status: 204 },
    errors: [404, 409, 422],
    idempotent: true,
  },
} as const satisfies Record<ClientRoute["operationId"], OperationContract>;

/** Operation ids. */
export type OperationId = keyof typeof contracts;

type RouteOf<Id extends OperationId> = Extract<ClientRoute, { readonly operationId: Id }>;

/** An operation: its route's method, path and auth (from routes.ts), then its contract. */
type Operation<Id extends OperationId> = {
  readonly method: RouteOf<Id>["method"];
  readonly path: RouteOf<Id>["path"];
  readonly auth: RouteOf<Id>["auth"] extends "jwt" ? true : false;
} & (typeof contracts)[Id];

function routeOf(id: OperationId): ClientRoute {
  const route = routes.find((r): r is ClientRoute => r.operationId === id);
  if (!route) throw new Error(`no player route with operationId ${id} in @matchplace/functions/routes`);
  return route;
}

/**
 * Every operation of the player API, keyed by operationId: method, path and auth come from the
 * route with that id in `@matchplace/functions/routes`, the rest from its contract above.
 */
export const operations = Object.fromEntries(
  (Object.keys(contracts) as OperationId[]).map((id) => {
    const { method, path, auth } = routeOf(id);
    return [id, { method, path, auth: auth === "jwt", ...contracts[id] }];
  }),
) as { readonly [Id in OperationId]: Operation<Id> };

/** The error envelope schema, re-exported for convenience. */
export { errorBody };
