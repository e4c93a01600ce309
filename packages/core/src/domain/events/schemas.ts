import * as z from "zod/mini";
import { once } from "../once.js";

/**
 * Zod schemas of GameLift's event envelope and details, tolerant of the documented quirks:
 * numbers that arrive as strings (placement `port`, old `estimatedWaitMillis`), `NOT_AVAILABLE`,
 * game-session ARNs with an empty account (ARNs are plain strings here), extra members.
 *
 * Each schema is a memoised builder: loading this module builds nothing, and the consumer builds
 * the FlexMatch detail schema only when a FlexMatch event arrives, the placement one only for a
 * placement event.
 */

/** A number, or a numeric string. */
const looseNumber = /* @__PURE__ */ once(() =>
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number))]),
);

/** `true`/`false`, or their strings. */
const looseBoolean = /* @__PURE__ */ once(() =>
  z.union([
    z.boolean(),
    z.pipe(
      z.enum(["true", "false"]),
      z.transform((s: "true" | "false") => s === "true"),
    ),
  ]),
);

/** A player in a FlexMatch event. */
export const playerRefSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    playerId: z.string().check(z.minLength(1)),
    team: z.nullable(z.optional(z.string())),
    playerSessionId: z.nullable(z.optional(z.string())),
    accepted: z.nullable(z.optional(looseBoolean())),
  }),
);

/** A ticket in a FlexMatch event. */
export const ticketRefSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    ticketId: z.string().check(z.minLength(1)),
    startTime: z.nullable(z.optional(z.string())),
    players: z._default(z.array(playerRefSchema()), []),
  }),
);

/** `detail.gameSessionInfo`. */
export const gameSessionInfoSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    players: z._default(z.array(playerRefSchema()), []),
    gameSessionArn: z.nullable(z.optional(z.string())),
    ipAddress: z.nullable(z.optional(z.string())),
    dnsName: z.nullable(z.optional(z.string())),
    port: z.nullable(z.optional(looseNumber())),
  }),
);

/** The `detail` of any FlexMatch event (type-specific members optional). */
export const flexMatchDetailSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    type: z.string(),
    tickets: z.array(ticketRefSchema()),
    gameSessionInfo: z.nullable(z.optional(gameSessionInfoSchema())),
    estimatedWaitMillis: z.nullable(z.optional(z.union([looseNumber(), z.string()]))),
    matchId: z.nullable(z.optional(z.string())),
    acceptanceRequired: z.nullable(z.optional(looseBoolean())),
    acceptanceTimeout: z.nullable(z.optional(looseNumber())),
    acceptance: z.nullable(z.optional(z.string())),
    reason: z.nullable(z.optional(z.string())),
    message: z.nullable(z.optional(z.string())),
    gameSessionArn: z.nullable(z.optional(z.string())),
    ipAddress: z.nullable(z.optional(z.string())),
    dnsName: z.nullable(z.optional(z.string())),
    port: z.nullable(z.optional(looseNumber())),
  }),
);

/** The `detail` of a queue placement event. */
export const placementDetailSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    type: z.string(),
    placementId: z.string().check(z.minLength(1)),
    startTime: z.nullable(z.optional(z.string())),
    endTime: z.nullable(z.optional(z.string())),
    gameSessionArn: z.nullable(z.optional(z.string())),
    gameSessionRegion: z.nullable(z.optional(z.string())),
    ipAddress: z.nullable(z.optional(z.string())),
    dnsName: z.nullable(z.optional(z.string())),
    port: z.nullable(z.optional(looseNumber())),
    placedPlayerSessions: z.nullable(
      z.optional(
        z.array(
          z.looseObject({
            playerId: z.string().check(z.minLength(1)),
            playerSessionId: z.nullable(z.optional(z.string())),
          }),
        ),
      ),
    ),
  }),
);

/** GameLift's EventBridge-style envelope (the SNS `Message`, or what EventBridge delivers). */
export const envelopeSchema = /* @__PURE__ */ once(() =>
  z.looseObject({
    id: z.string().check(z.minLength(1)),
    "detail-type": z.string(),
    source: z.optional(z.string()),
    account: z.optional(z.string()),
    time: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), "time is not an ISO-8601 date")),
    region: z.optional(z.string()),
    resources: z._default(z.array(z.string()), []),
    detail: z.looseObject({ type: z.string() }),
  }),
);

/** A parsed envelope. */
export type Envelope = z.infer<ReturnType<typeof envelopeSchema>>;
/** A parsed FlexMatch detail. */
export type FlexMatchDetail = z.infer<ReturnType<typeof flexMatchDetailSchema>>;
/** A parsed placement detail. */
export type PlacementDetail = z.infer<ReturnType<typeof placementDetailSchema>>;
/** A parsed player reference. */
export type PlayerRef = z.infer<ReturnType<typeof playerRefSchema>>;
