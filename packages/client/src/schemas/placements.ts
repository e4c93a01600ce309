import { type Catalog, once, PLACEMENT_STATUSES } from "@matchplace/core";
import * as z from "zod/mini";
import { connectionView, latencyInMs } from "./common.js";
import { int } from "./int.js";
import { perCatalog } from "./perCatalog.js";

/** The schemas of one catalog: what {@link placementSchemas} builds. */
function buildPlacementSchemas(catalog: Catalog) {
  /** Public names of the queues a client may place on. */
  const queueKey = z.enum(catalog.queues.map((q) => q.key) as [string, ...string[]]);
  /** The most player sessions any of the catalog's queues allows. */
  const maxPlayerSessionCount = Math.max(...catalog.queues.map((q) => q.maxPlayerSessionCount));

  /** Body of POST /v1/placements. */
  const startPlacementBody = z
    .strictObject({
      queue: z.optional(queueKey).check(z.describe("Game session queue; default: the stage's default")),
      maximumPlayerSessionCount: int().check(z.minimum(1), z.maximum(maxPlayerSessionCount)),
      gameSessionName: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
      gameProperties: z
        .optional(
          z
            .record(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)), z.string().check(z.maxLength(96)))
            .check(z.refine((m) => Object.keys(m).length <= 16, "at most 16 properties")),
        )
        .check(z.describe("Only keys the queue allows")),
      latencyInMs: z.optional(latencyInMs()),
    })
    .check(z.meta({ id: "StartPlacementRequest" }));

  return { queueKey, startPlacementBody };
}

/** The catalog-dependent placement schemas: {@link placementSchemas}'s result. */
export type PlacementSchemas = ReturnType<typeof buildPlacementSchemas>;

/**
 * The placement schemas that depend on the stage's catalog (the queue names, the StartPlacement
 * body), built once per catalog.
 * @example const body = placementSchemas(catalog).startPlacementBody.parse(json);
 */
export const placementSchemas: (catalog: Catalog) => PlacementSchemas =
  /* @__PURE__ */ perCatalog(buildPlacementSchemas);

/** A placement status. */
export const placementStatus = /* @__PURE__ */ once(() => z.enum(PLACEMENT_STATUSES));

/** A placement as one of its players sees it. */
export const placementView = /* @__PURE__ */ once(() =>
  z
    .object({
      placementId: z.string(),
      status: placementStatus(),
      queue: z.string(),
      partyId: z.optional(z.string()),
      gameSessionRegion: z.optional(z.string()),
      reason: z.optional(z.string()),
      connection: z.optional(connectionView()),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: int().check(z.describe("Grows with every change the caller can see")),
      retryAfterMs: int(),
    })
    .check(z.meta({ id: "Placement" })),
);
