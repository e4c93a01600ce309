import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { gameSessionId, limit, nextToken, text } from "../shapes.js";
import { playerSessionView } from "../views/sessions.js";

/**
 * DescribePlayerSessions by exactly one of PlayerSessionId, GameSessionId, PlayerId. The status
 * filter applies to GameSessionId lookups only, as GameLift documents.
 */
export const DescribePlayerSessions = defineOperation(
  z.object({
    GameSessionId: gameSessionId.optional(),
    PlayerId: text(1, 1024).optional(),
    PlayerSessionId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^psess-\S+$/)
      .optional(),
    PlayerSessionStatusFilter: z.enum(["RESERVED", "ACTIVE", "COMPLETED", "TIMEDOUT"]).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const given = [req.GameSessionId, req.PlayerId, req.PlayerSessionId].filter((v) => v !== undefined).length;
    if (given !== 1)
      throw new InvalidRequestException("Specify exactly one of PlayerSessionId, GameSessionId and PlayerId.");
    const cols = collections(ctx.store);
    const found = cols.playerSessions
      .values()
      .filter((p) =>
        req.PlayerSessionId !== undefined
          ? p.PlayerSessionId === req.PlayerSessionId
          : req.PlayerId !== undefined
            ? p.PlayerId === req.PlayerId
            : p.GameSessionId === req.GameSessionId &&
              (!req.PlayerSessionStatusFilter || p.Status === req.PlayerSessionStatusFilter),
      );
    const page = paginate(found, req.Limit, req.NextToken);
    return {
      PlayerSessions: page.items.map((p) => playerSessionView(p, cols.gameSessions.get(p.GameSessionId))),
      NextToken: page.nextToken,
    };
  },
);
