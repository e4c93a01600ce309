import type { Clock } from "../clock.js";
import { ConflictError, RatingsChangedError, ResultExistsError } from "../../errors.js";
import type { RatingModel } from "./model.js";
import { findGameSession, type FleetScope } from "./gameSessionRoster.js";
import type { GameSessionTicketsPort, MatchResultPort, ResultPlayersPort } from "./ports.js";
import { rateMatch } from "./rateMatch.js";
import type { MatchResult, MatchResultReport } from "./types.js";
import { reportFingerprint, validateResult } from "./validate.js";

/** Dependencies of {@link recordMatchResult}. */
export interface RecordResultDeps {
  readonly tickets: GameSessionTicketsPort;
  readonly players: Pick<ResultPlayersPort, "get">;
  readonly results: MatchResultPort;
  readonly model: RatingModel;
  readonly clock: Clock;
}

/** Input of {@link recordMatchResult}. */
export interface RecordResultInput {
  readonly gameSessionId: string;
  readonly report: MatchResultReport;
  readonly fleets: FleetScope;
  /** The rating pool; default: the session's matchmaking configuration. */
  readonly pool?: string;
}

/** What {@link recordMatchResult} did. */
export interface RecordResultOutcome {
  readonly result: MatchResult;
  /** `true` when this call stored it; `false` for an identical report already recorded. */
  readonly created: boolean;
}

function sameOrConflict(existing: MatchResult, fingerprint: string): RecordResultOutcome {
  if (existing.reportHash === fingerprint) return { result: existing, created: false };
  throw new ConflictError("RESULT_CONFLICT", "A different result is already recorded for this game session", {
    details: { gameSessionArn: existing.gameSessionArn, recordedAt: new Date(existing.recordedAt).toISOString() },
  });
}

/**
 * Records a finished match's result and updates every player's rating in one transaction.
 * An identical report again returns the stored result; a different one is a conflict. Concurrent
 * duplicates race on the transaction: one stores, the others find its result.
 * @throws NotFoundError / NotPermittedError / ConflictError `AMBIGUOUS_GAME_SESSION` (see findGameSession)
 * @throws ResultRejectedError when the report does not fit the match (unknown team or player, ...)
 * @throws ConflictError `RESULT_CONFLICT` when another result is already recorded.
 */
export async function recordMatchResult(
  deps: RecordResultDeps,
  input: RecordResultInput,
): Promise<RecordResultOutcome> {
  const session = await findGameSession(deps.tickets, input.gameSessionId, input.fleets);
  const fingerprint = reportFingerprint(input.report);
  const pool = input.pool ?? session.roster.configurationName;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await deps.results.get(session.gameSessionArn);
    if (existing) return sameOrConflict(existing, fingerprint);
    validateResult(input.report, session.roster);
    const profiles = new Map(
      await Promise.all(
        session.roster.players.map(async (p) => [p.playerId, await deps.players.get(p.playerId)] as const),
      ),
    );
    const changes = rateMatch(deps.model, session.roster, input.report, pool, (id) => profiles.get(id)?.ratings);
    const result: MatchResult = {
      gameSessionArn: session.gameSessionArn,
      pool,
      report: input.report,
      reportHash: fingerprint,
      changes,
      recordedAt: deps.clock.now(),
    };
    const writes = changes.map((c) => {
      const profile = profiles.get(c.playerId);
      return {
        playerId: c.playerId,
        ratings: { ...(profile?.ratings ?? {}), [pool]: c.after },
        ...(profile?.ratingsVersion === undefined ? {} : { expectedVersion: profile.ratingsVersion }),
      };
    });
    try {
      await deps.results.record(result, writes);
      return { result, created: true };
    } catch (err) {
      // Someone stored a result first (a concurrent duplicate): compare with theirs on the next pass.
      // A player's ratings moved (another match of theirs was recorded): rate again from fresh reads.
      if (err instanceof ResultExistsError || err instanceof RatingsChangedError) continue;
      throw err;
    }
  }
  throw new ConflictError("RESULT_CONTENDED", "The players' ratings kept changing; retry", { details: {} });
}
