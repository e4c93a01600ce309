import { z } from "zod";
import { createGameSession } from "../../engines/sessions/gameSessions.js";
import { collections } from "../../engines/state/collections.js";
import {
  FleetCapacityExceededException,
  IdempotentParameterMismatchException,
  InvalidFleetStatusException,
  InvalidRequestException,
  LimitExceededException,
} from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { fleetOf } from "../lookup.js";
import { aliasIdOrArn, fleetIdOrArn, gameProperties, location, text } from "../shapes.js";
import { gameSessionView } from "../views/sessions.js";

const token = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-zA-Z0-9-]+$/);

/**
 * CreateGameSession on a fleet or alias: ACTIVATING, then ACTIVE on a tick. A repeated
 * IdempotencyToken returns the original session (its other parameters are not compared); a repeated
 * deprecated GameSessionId with other parameters is IdempotentParameterMismatchException; a full
 * fleet is FleetCapacityExceededException.
 */
export const CreateGameSession = defineOperation(
  z.object({
    FleetId: fleetIdOrArn.optional(),
    AliasId: aliasIdOrArn.optional(),
    MaximumPlayerSessionCount: z.number().int().min(0),
    Name: text(1, 1024).optional(),
    GameProperties: gameProperties.optional(),
    CreatorId: text(1, 1024).optional(),
    GameSessionId: token.optional(),
    IdempotencyToken: token.optional(),
    GameSessionData: text(1, 262144).optional(),
    Location: location.optional(),
  }),
  (req, ctx) => {
    if ((req.FleetId === undefined) === (req.AliasId === undefined)) {
      throw new InvalidRequestException("Specify exactly one of FleetId and AliasId.");
    }
    const fleet = fleetOf(ctx, req);
    if (fleet.Status !== "ACTIVE")
      throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is ${fleet.Status}, not ACTIVE.`);
    const where = req.Location ?? fleet.locations[0]?.Location ?? ctx.region;
    if (!fleet.locations.some((l) => l.Location === where)) {
      throw new InvalidRequestException(`Location ${where} is not part of fleet ${fleet.FleetId}.`);
    }
    const sessions = collections(ctx.store).gameSessions.values();
    const idempotencyToken = req.IdempotencyToken ?? req.GameSessionId;
    const earlier =
      idempotencyToken && sessions.find((s) => s.FleetId === fleet.FleetId && s.idempotencyToken === idempotencyToken);
    if (earlier) {
      // IdempotencyToken: "subsequent requests with the same string return the original GameSession object,
      // with an updated status" — whatever else they say. The deprecated custom GameSessionId conflicts instead.
      if (
        req.IdempotencyToken === undefined &&
        (earlier.MaximumPlayerSessionCount !== req.MaximumPlayerSessionCount || earlier.Location !== where)
      ) {
        throw new IdempotentParameterMismatchException(
          `Game session ID ${idempotencyToken} was used with other parameters.`,
        );
      }
      return { GameSession: gameSessionView(ctx, earlier) };
    }
    const limit = fleet.ResourceCreationLimitPolicy;
    if (req.CreatorId && limit?.NewGameSessionsPerCreator !== undefined && limit.PolicyPeriodInMinutes) {
      const since = ctx.clock.now() - limit.PolicyPeriodInMinutes * 60_000;
      const mine = sessions.filter(
        (s) => s.FleetId === fleet.FleetId && s.CreatorId === req.CreatorId && s.CreationTime > since,
      );
      if (mine.length >= limit.NewGameSessionsPerCreator) {
        throw new LimitExceededException(`Creator ${req.CreatorId} reached the fleet's game session creation limit.`);
      }
    }
    const session = createGameSession(ctx, {
      fleet,
      location: where,
      maximumPlayerSessionCount: req.MaximumPlayerSessionCount,
      name: req.Name,
      gameProperties: req.GameProperties,
      creatorId: req.CreatorId,
      gameSessionData: req.GameSessionData,
      idPart: idempotencyToken ?? `gsess-${ctx.ids.uuid()}`,
      idempotencyToken,
    });
    if (!session)
      throw new FleetCapacityExceededException(`Fleet ${fleet.FleetId} has no available server process in ${where}.`);
    return { GameSession: gameSessionView(ctx, session) };
  },
);
