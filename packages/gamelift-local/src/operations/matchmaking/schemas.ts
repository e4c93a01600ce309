import { z } from "zod";
import type { AttributeValue, PlayerRecord } from "../../engines/state/records.js";
import { text } from "../shapes.js";

/** Member schemas of the FlexMatch operations, with GameLift's bounds and patterns. */

/** A configuration or rule set name, `^[a-zA-Z0-9-\.]*$` 1..128. */
export const matchmakingName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9\-.]*$/);
/** A configuration name or ARN, 1..256. */
export const configurationNameOrArn = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9\-.]*$|^arn:.*:matchmakingconfiguration\/[a-zA-Z0-9\-.]*$/);
/** A rule set name or ARN, 1..256. */
export const ruleSetNameOrArn = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9\-.]*$|^arn:.*:matchmakingruleset\/[a-zA-Z0-9\-.]*$/);
/** A ticket id, `^[a-zA-Z0-9-\.]*$` ≤128. */
export const ticketId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9\-.]*$/);
/** A queue ARN in GameSessionQueueArns. */
export const queueArn = z
  .string()
  .min(1)
  .max(256)
  .regex(/^arn:.*:gamesessionqueue\/[a-zA-Z0-9-]+$/);

/** `N` accepts numeric strings too (a model example sends `{"N": "23"}`). */
const numberValue = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)
    .transform(Number),
]);

/** A player attribute value: exactly one of S, N, SL, SDM. */
const attributeValue = z
  .object({
    S: text(1, 100).optional(),
    N: numberValue.optional(),
    SL: z.array(text(1, 100)).max(100).optional(),
    SDM: z.record(text(1, 100), z.number()).optional(),
  })
  .refine((v) => [v.S, v.N, v.SL, v.SDM].filter((x) => x !== undefined).length === 1, {
    message: "Member must have exactly one of S, N, SL, SDM",
  })
  .refine((v) => v.SDM === undefined || Object.keys(v.SDM).length <= 10, { message: "SDM holds at most 10 pairs" });

/** A `Player` of StartMatchmaking / StartMatchBackfill. */
export const player = z.object({
  PlayerId: text(1, 1024),
  PlayerAttributes: z
    .record(text(1, 1024), attributeValue)
    .refine((a) => Object.keys(a).length <= 10, { message: "at most 10 attributes per player" })
    .optional(),
  Team: text(1, 1024).optional(),
  LatencyInMs: z
    .record(
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9-]+$/),
      z.number().int().min(1),
    )
    .optional(),
});

/** A validated `Player` as the engine stores it (absent members left out). */
export function playerRecord(p: z.output<typeof player>): PlayerRecord {
  const out: PlayerRecord = { PlayerId: p.PlayerId };
  if (p.PlayerAttributes) {
    out.PlayerAttributes = Object.fromEntries(
      Object.entries(p.PlayerAttributes).map(([k, v]) => {
        const value: AttributeValue = {};
        if (v.S !== undefined) value.S = v.S;
        if (v.N !== undefined) value.N = v.N;
        if (v.SL !== undefined) value.SL = v.SL;
        if (v.SDM !== undefined) value.SDM = v.SDM;
        return [k, value];
      }),
    );
  }
  if (p.Team !== undefined) out.Team = p.Team;
  if (p.LatencyInMs !== undefined) out.LatencyInMs = p.LatencyInMs;
  return out;
}
