import { matchResultEvent, openskillModel, recordMatchResult } from "@matchplace/core";
import { matchResultBody } from "@matchplace/client/schemas";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";
import { matchEventPublisher } from "../events/matchEvents.js";
import { clock, gameSessionTickets, playerProfiles, results } from "../http/services.js";
import { callerFleets, gameSessionParams } from "./gameSessionParams.js";
import { resultReply } from "./resultReply.js";

const logger = apiLogger("server.results");

/**
 * POST /v1/server/game-sessions/{gameSessionId}/results (SigV4, a game server of the session's
 * fleet): records the match's result and every player's new rating in one transaction → 200
 * with the before/after ratings; an identical retry → the same 200; a different result → 409
 * `RESULT_CONFLICT`; teams/players not of this session → 422. Publishes `MatchResultRecorded`
 * (again on a retry: at-least-once, subscribers dedupe on its id).
 */
export const handler = httpHandler(
  { logger, auth: "iam", params: gameSessionParams, body: matchResultBody },
  async (req) => {
    const { result, created } = await recordMatchResult(
      { tickets: gameSessionTickets(), players: playerProfiles(), results: results(), model: openskillModel, clock },
      { gameSessionId: req.params.gameSessionId, report: req.body, fleets: callerFleets(req.iamCaller) },
    );
    await matchEventPublisher().publish(matchResultEvent(result, openskillModel));
    logger.info("match result", {
      gameSessionArn: result.gameSessionArn,
      created,
      players: result.changes.length,
      caller: req.iamCaller?.userArn,
    });
    return { status: 200, body: resultReply(result) };
  },
);
