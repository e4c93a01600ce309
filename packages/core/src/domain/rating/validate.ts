import { CoreError, type CoreErrorOptions } from "../../errors.js";
import type { MatchResultReport, MatchRoster } from "./types.js";

/** Codes of a result that does not fit the match (HTTP 422). */
export type ResultRejection =
  | "UNKNOWN_TEAM"
  | "MISSING_TEAM"
  | "DUPLICATE_TEAM"
  | "UNKNOWN_PLAYER"
  | "WRONG_TEAM"
  | "MIXED_OUTCOMES"
  | "TOO_FEW_TEAMS";

/** A well-formed result that contradicts the match we know (unknown team or player, ...). */
export class ResultRejectedError extends CoreError {
  /** Dotted path of the offending field, e.g. `body.teams.1.team`. */
  public readonly field: string;
  public constructor(code: ResultRejection, field: string, message: string, options: CoreErrorOptions = {}) {
    super(code, message, options);
    this.name = "ResultRejectedError";
    this.field = field;
  }
}

/**
 * Checks a report against the roster of its game session: every team of the match reported once,
 * each with a rank or (all of them) a score; named players on the team FlexMatch put them on;
 * leavers are players of the match.
 * @throws ResultRejectedError naming the first offending field.
 */
export function validateResult(report: MatchResultReport, roster: MatchRoster): void {
  const teamOf = new Map(roster.players.map((p) => [p.playerId, p.team]));
  const rosterTeams = new Set(roster.players.map((p) => p.team));
  const seen = new Set<string>();
  if (report.teams.length < 2)
    throw new ResultRejectedError("TOO_FEW_TEAMS", "body.teams", "at least two teams are needed to rate a match");
  const kinds = new Set(report.teams.map((t) => (t.rank !== undefined ? "rank" : "score")));
  if (kinds.size > 1)
    throw new ResultRejectedError("MIXED_OUTCOMES", "body.teams", "give every team a rank, or every team a score");
  report.teams.forEach((t, i) => {
    if (!rosterTeams.has(t.team))
      throw new ResultRejectedError(
        "UNKNOWN_TEAM",
        `body.teams.${i}.team`,
        `${t.team} is not a team of this game session`,
      );
    if (seen.has(t.team))
      throw new ResultRejectedError("DUPLICATE_TEAM", `body.teams.${i}.team`, `${t.team} is reported twice`);
    seen.add(t.team);
    (t.players ?? []).forEach((p, j) => {
      const actual = teamOf.get(p.playerId);
      const field = `body.teams.${i}.players.${j}.playerId`;
      if (actual === undefined)
        throw new ResultRejectedError("UNKNOWN_PLAYER", field, `${p.playerId} is not a player of this game session`);
      if (actual !== t.team)
        throw new ResultRejectedError("WRONG_TEAM", field, `${p.playerId} played on team ${actual}, not ${t.team}`);
    });
  });
  for (const team of rosterTeams) {
    if (!seen.has(team))
      throw new ResultRejectedError("MISSING_TEAM", "body.teams", `team ${team} of this game session is not reported`);
  }
  (report.leftEarly ?? []).forEach((playerId, i) => {
    if (!teamOf.has(playerId))
      throw new ResultRejectedError(
        "UNKNOWN_PLAYER",
        `body.leftEarly.${i}`,
        `${playerId} is not a player of this game session`,
      );
  });
}

/**
 * Team ranks for the model (1 = best, equal = tie): ranks as given, or derived from scores (higher
 * score = better rank).
 */
export function teamRanks(report: MatchResultReport): number[] {
  const scores = report.teams.map((t) => t.score);
  if (report.teams.every((t) => t.rank !== undefined)) return report.teams.map((t) => t.rank as number);
  return scores.map((s) => 1 + scores.filter((o) => (o ?? 0) > (s ?? 0)).length);
}

/**
 * A canonical fingerprint of a report: key order and team order do not matter, so an identical
 * retry (however serialised) is recognised and any different outcome is a conflict.
 */
export function reportFingerprint(report: MatchResultReport): string {
  const teams = [...report.teams]
    .map((t) => ({
      team: t.team,
      rank: t.rank ?? null,
      score: t.score ?? null,
      players: [...(t.players ?? [])]
        .map((p) => ({ playerId: p.playerId, rank: p.rank ?? null, score: p.score ?? null }))
        .sort((a, b) => a.playerId.localeCompare(b.playerId)),
    }))
    .sort((a, b) => a.team.localeCompare(b.team));
  return JSON.stringify({ teams, leftEarly: [...(report.leftEarly ?? [])].sort() });
}
