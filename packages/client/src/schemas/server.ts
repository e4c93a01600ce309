import * as z from "zod";

const playerId = z.string().regex(/^[A-Za-z0-9._@:+=-]{1,128}$/, "1-128 characters of A-Z a-z 0-9 . _ @ : + = -");
const outcome = {
  rank: z.number().int().min(1).max(1000).optional().describe("1 = best; equal ranks tie"),
  score: z.number().finite().optional().describe("Higher is better; equal scores tie"),
};

/** One team of a game server's result report. */
export const resultTeam = z
  .strictObject({
    team: z.string().min(1).max(128).describe("Team name as in the rule set (the ticket's player team)"),
    ...outcome,
    players: z.array(z.strictObject({ playerId, ...outcome })).max(200).optional(),
  })
  .refine((t) => (t.rank === undefined) !== (t.score === undefined), { message: "give exactly one of rank or score" })
  .meta({ id: "ResultTeam" });

/** Body of POST /v1/server/game-sessions/{gameSessionId}/results (game servers, IAM-signed). */
export const matchResultBody = z
  .strictObject({
    teams: z.array(resultTeam).min(1).max(32),
    leftEarly: z.array(playerId).max(200).optional().describe("Players who left before the end (rated with their team)"),
  })
  .meta({ id: "MatchResultRequest" });

/** A rating as a result reports it. */
export const resultRating = z.object({ mu: z.number(), sigma: z.number(), matches: z.number().int() });

/** Reply of the results route: the same for the first report and every identical retry. */
export const matchResultView = z
  .object({
    gameSessionArn: z.string(),
    pool: z.string(),
    recordedAt: z.string(),
    players: z.array(z.object({ playerId: z.string(), team: z.string(), before: resultRating, after: resultRating })),
  })
  .meta({ id: "MatchResult" });

/** Reply of POST /v1/server/game-sessions/{gameSessionId}/end. */
export const gameSessionEndView = z
  .object({ gameSessionArn: z.string(), playerIds: z.array(z.string()) })
  .meta({ id: "GameSessionEnd" });
