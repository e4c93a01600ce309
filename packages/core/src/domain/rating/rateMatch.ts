import type { RatingModel } from "./model.js";
import type { MatchResultReport, MatchRoster, PlayerRatings, PoolRating, RatingChange } from "./types.js";
import { teamRanks } from "./validate.js";

/**
 * The rating changes a (validated) result makes: every player of the roster is rated with their
 * team, leavers included (they share the team's outcome). Players without a rating in `pool` start
 * at the model's initial rating. Pure: same inputs, same changes.
 * @example rateMatch(openskillModel, roster, report, "arena", ratingsByPlayer)
 */
export function rateMatch(
  model: RatingModel,
  roster: MatchRoster,
  report: MatchResultReport,
  pool: string,
  ratingsOf: (playerId: string) => PlayerRatings | undefined,
): RatingChange[] {
  const ranks = teamRanks(report);
  const teams = report.teams.map((t) =>
    roster.players.filter((p) => p.team === t.team).sort((a, b) => a.playerId.localeCompare(b.playerId)),
  );
  const before = teams.map((members) =>
    members.map((m): PoolRating => ratingsOf(m.playerId)?.[pool] ?? { ...model.initial(), matches: 0 }),
  );
  const after = model.rate(before, ranks);
  return teams.flatMap((members, i) =>
    members.map((m, j): RatingChange => {
      const old = before[i]?.[j] as PoolRating;
      const next = after[i]?.[j] ?? old;
      return {
        playerId: m.playerId,
        team: m.team,
        before: old,
        after: { mu: next.mu, sigma: next.sigma, matches: old.matches + 1 },
      };
    }),
  );
}
