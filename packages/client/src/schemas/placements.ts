import { PLACEMENT_STATUSES, queueProfiles } from "@matchplace/core";
import * as z from "zod";
import { connectionView, latencyInMs } from "./common.js";

/** Public names of the queues a client may place on. */
export const queueKey = z.enum(queueProfiles.map((q) => q.key) as [string, ...string[]]);

/** Body of POST /v1/placements. */
export const startPlacementBody = z
  .strictObject({
    queue: queueKey.optional().describe("Game session queue; default: the stage's default"),
    maximumPlayerSessionCount: z.number().int().min(1).max(200),
    gameSessionName: z.string().min(1).max(256).optional(),
    gameProperties: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), z.string().max(96))
      .refine((m) => Object.keys(m).length <= 16, "at most 16 properties")
      .optional()
      .describe("Only keys the queue allows"),
    latencyInMs: latencyInMs.optional(),
  })
  .meta({ id: "StartPlacementRequest" });

/** A placement status. */
export const placementStatus = z.enum(PLACEMENT_STATUSES);

/** A placement as one of its players sees it. */
export const placementView = z
  .object({
    placementId: z.string(),
    status: placementStatus,
    queue: z.string(),
    partyId: z.string().optional(),
    gameSessionRegion: z.string().optional(),
    reason: z.string().optional(),
    connection: connectionView.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().describe("Grows with every change the caller can see"),
    retryAfterMs: z.number().int(),
  })
  .meta({ id: "Placement" });
