import * as z from "zod";

/**
 * Zod schemas of GameLift's event envelope and details, tolerant of the documented quirks:
 * numbers that arrive as strings (placement `port`, old `estimatedWaitMillis`), `NOT_AVAILABLE`,
 * game-session ARNs with an empty account (ARNs are plain strings here), extra members.
 */

/** A number, or a numeric string. */
const looseNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** `true`/`false`, or their strings. */
const looseBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]);

/** A player in a FlexMatch event. */
export const playerRefSchema = z.looseObject({
  playerId: z.string().min(1),
  team: z.string().optional().nullable(),
  playerSessionId: z.string().optional().nullable(),
  accepted: looseBoolean.optional().nullable(),
});

/** A ticket in a FlexMatch event. */
export const ticketRefSchema = z.looseObject({
  ticketId: z.string().min(1),
  startTime: z.string().optional().nullable(),
  players: z.array(playerRefSchema).default([]),
});

/** `detail.gameSessionInfo`. */
export const gameSessionInfoSchema = z.looseObject({
  players: z.array(playerRefSchema).default([]),
  gameSessionArn: z.string().optional().nullable(),
  ipAddress: z.string().optional().nullable(),
  dnsName: z.string().optional().nullable(),
  port: looseNumber.optional().nullable(),
});

/** The `detail` of any FlexMatch event (type-specific members optional). */
export const flexMatchDetailSchema = z.looseObject({
  type: z.string(),
  tickets: z.array(ticketRefSchema),
  gameSessionInfo: gameSessionInfoSchema.optional().nullable(),
  estimatedWaitMillis: z.union([looseNumber, z.string()]).optional().nullable(),
  matchId: z.string().optional().nullable(),
  acceptanceRequired: looseBoolean.optional().nullable(),
  acceptanceTimeout: looseNumber.optional().nullable(),
  acceptance: z.string().optional().nullable(),
  reason: z.string().optional().nullable(),
  message: z.string().optional().nullable(),
  gameSessionArn: z.string().optional().nullable(),
  ipAddress: z.string().optional().nullable(),
  dnsName: z.string().optional().nullable(),
  port: looseNumber.optional().nullable(),
});

/** The `detail` of a queue placement event. */
export const placementDetailSchema = z.looseObject({
  type: z.string(),
  placementId: z.string().min(1),
  startTime: z.string().optional().nullable(),
  endTime: z.string().optional().nullable(),
  gameSessionArn: z.string().optional().nullable(),
  gameSessionRegion: z.string().optional().nullable(),
  ipAddress: z.string().optional().nullable(),
  dnsName: z.string().optional().nullable(),
  port: looseNumber.optional().nullable(),
  placedPlayerSessions: z
    .array(z.looseObject({ playerId: z.string().min(1), playerSessionId: z.string().optional().nullable() }))
    .optional()
    .nullable(),
});

/** GameLift's EventBridge-style envelope (the SNS `Message`, or what EventBridge delivers). */
export const envelopeSchema = z.looseObject({
  id: z.string().min(1),
  "detail-type": z.string(),
  source: z.string().optional(),
  account: z.string().optional(),
  time: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "time is not an ISO-8601 date"),
  region: z.string().optional(),
  resources: z.array(z.string()).default([]),
  detail: z.looseObject({ type: z.string() }),
});

/** A parsed envelope. */
export type Envelope = z.infer<typeof envelopeSchema>;
/** A parsed FlexMatch detail. */
export type FlexMatchDetail = z.infer<typeof flexMatchDetailSchema>;
/** A parsed placement detail. */
export type PlacementDetail = z.infer<typeof placementDetailSchema>;
/** A parsed player reference. */
export type PlayerRef = z.infer<typeof playerRefSchema>;
