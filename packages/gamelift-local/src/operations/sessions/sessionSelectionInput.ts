import { z } from "zod";
import { aliasIdOrArn, fleetIdOrArn, gameSessionId, limit, location, nextToken } from "../shapes.js";

/** Input of DescribeGameSessions and DescribeGameSessionDetails. */
export const sessionSelectionInput = z.object({
  FleetId: fleetIdOrArn.optional(),
  GameSessionId: gameSessionId.optional(),
  AliasId: aliasIdOrArn.optional(),
  Location: location.optional(),
  StatusFilter: z.enum(["ACTIVE", "TERMINATED", "ACTIVATING", "TERMINATING"]).optional(),
  Limit: limit.optional(),
  NextToken: nextToken.optional(),
});
