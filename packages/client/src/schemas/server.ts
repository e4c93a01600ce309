import { once } from "@matchplace/core";
import * as z from "zod/mini";
import { int } from "./int.js";

const playerId = /* @__PURE__ */ once(() =>
  z.string().check(z.regex(/^[A-Za-z0-9._@:+=-]{1,128}$/, "1-128 characters of A-Z a-z 0-9 . _ @ : + = -")),
);
const outcome = /* @__PURE__ */ once(() => ({
  rank: z.optional(int().check(z.minimum(1), z.maximum(1000))).check(z.describe("1 = best; equal ranks tie")),
  score: z.optional(z.number()).check(z.describe("Higher is better; equal scores tie")),
}));

/** One team of a game server's result report. */
export const resultTeam = /* @__PURE__ */ once(() =>
  z
    .strictObject({
      team: z
        .string()
        .check(z.minLength(1), z.maxLength(128), z.describe("Team name as in the rule set (the ticket's player team)")),
      ...outcome(),
      players: z.optional(z.array(z.strictObject({ playerId: playerId(), ...outcome() })).check(z.maxLength(200))),
    })
    .check(
      z.refine((t) => (t.rank === undefined) !== (t.score === undefined), {
        message: "give exactly one of rank or score",
      }),
      z.meta({ id: "ResultTeam" }),
    ),
);

/** Body of POST /v1/server/game-sessions/{gameSessionId}/results (game servers, IAM-signed). */
export const matchResultBody = /* @__PURE__ */ once(() =>
  z
    .strictObject({
      teams: z.array(resultTeam()).check(z.minLength(1), z.maxLength(32)),
      leftEarly: z
        .optional(z.array(playerId()).check(z.maxLength(200)))
        .check(z.describe("Players who left before the end (rated with their team)")),
    })
    .check(z.meta({ id: "MatchResultRequest" })),
);

/** A rating as a result reports it. */
export const resultRating = /* @__PURE__ */ once(() => z.object({ mu: z.number(), sigma: z.number(), matches: int() }));

/** Reply of the results route: the same for the first report and every identical retry. */
export const matchResultView = /* @__PURE__ */ once(() =>
  z
    .object({
      gameSessionArn: z.string(),
      pool: z.string(),
      recordedAt: z.string(),
      players: z.array(
        z.object({ playerId: z.string(), team: z.string(), before: resultRating(), after: resultRating() }),
      ),
    })
    .check(z.meta({ id: "MatchResult" })),
);

/** Reply of POST /v1/server/game-sessions/{gameSessionId}/end. */
export const gameSessionEndView = /* @__PURE__ */ once(() =>
  z.object({ gameSessionArn: z.string(), playerIds: z.array(z.string()) }).check(z.meta({ id: "GameSessionEnd" })),
);
