import { PLACEMENT_STATUSES, queueProfiles } from "@matchplace/core";
import * as z from "zod/mini";
import { connectionView, latencyInMs } from "./common.js";
import { int } from "./int.js";

/** Public names of the queues a client may place on. */
export const queueKey = z.enum(queueProfiles.map((q) => q.key) as [string, ...string[]]);

/** Body of POST /v1/placements. */
export const startPlacementBody = z
  .strictObject({
    queue: z.optional(queueKey).check(z.describe("Game session queue; default: the stage's default")),
    maximumPlayerSessionCount: int().check(z.minimum(1), z.maximum(200)),
    gameSessionName: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    gameProperties: z
      .optional(
        z
          .record(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)), z.string().check(z.maxLength(96)))
          .check(z.refine((m) => Object.keys(m).length <= 16, "at most 16 properties")),
      )
      .check(z.describe("Only keys the queue allows")),
    latencyInMs: z.optional(latencyInMs),
  })
  .check(z.meta({ id: "StartPlacementRequest" }));

/** A placement status. */
export const placementStatus = z.enum(PLACEMENT_STATUSES);

/** A placement as one of its players sees it. */
export const placementView = z
  .object({
    placementId: z.string(),
    status: placementStatus,
    queue: z.string(),
    partyId: z.optional(z.string()),
    gameSessionRegion: z.optional(z.string()),
    reason: z.optional(z.string()),
    connection: z.optional(connectionView),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: int().check(z.describe("Grows with every change the caller can see")),
    retryAfterMs: int(),
  })
  .check(z.meta({ id: "Placement" }));
