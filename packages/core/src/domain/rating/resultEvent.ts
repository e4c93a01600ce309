import type { MatchEventRating, OutboundMatchEvent } from "../realtime/types.js";
import type { RatingScale } from "./scale.js";
import type { MatchResult, PoolRating } from "./types.js";

const view = (model: RatingScale, r: PoolRating): MatchEventRating => ({
  mu: r.mu,
  sigma: r.sigma,
  display: model.display(r),
  matches: r.matches,
});

/**
 * The `MatchResultRecorded` MatchEvents message of a recorded result, with old and new ratings per
 * player. Deterministic: the same stored result always gives the same message (id `result:<arn>`).
 * @example await publisher.publish(matchResultEvent(result, openskillModel));
 */
export function matchResultEvent(result: MatchResult, model: RatingScale): OutboundMatchEvent {
  return {
    event: {
      type: "MatchResultRecorded",
      id: `result:${result.gameSessionArn}`,
      time: new Date(result.recordedAt).toISOString(),
      gameSessionArn: result.gameSessionArn,
      configurationName: result.pool,
      players: result.changes.map((c) => ({
        playerId: c.playerId,
        team: c.team,
        before: view(model, c.before),
        after: view(model, c.after),
      })),
      teams: result.report.teams.map((t) => ({
        team: t.team,
        ...(t.rank === undefined ? {} : { rank: t.rank }),
        ...(t.score === undefined ? {} : { score: t.score }),
      })),
      leftEarly: [...(result.report.leftEarly ?? [])],
    },
    attributes: { type: "MatchResultRecorded", configurationName: result.pool },
  };
}
