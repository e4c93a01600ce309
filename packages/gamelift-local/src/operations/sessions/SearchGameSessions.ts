import { z } from "zod";
import { currentPlayerSessionCount } from "../../engines/sessions/gameSessions.js";
import { collections } from "../../engines/state/collections.js";
import type { GameSessionRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { fleetOf } from "../lookup.js";
import { paginate } from "../paginate.js";
import { aliasIdOrArn, fleetIdOrArn, limit, location, nextToken, text } from "../shapes.js";
import type { EmulatorContext } from "../../engines/context.js";
import { gameSessionView } from "../views/sessions.js";
import { matches, sortSessions, type SearchableSession } from "./search/evaluateSearch.js";
import { parseFilter, parseSort } from "./search/parseSearch.js";

function searchable(ctx: EmulatorContext, s: GameSessionRecord): SearchableSession & { record: GameSessionRecord } {
  const players = currentPlayerSessionCount(ctx, s.GameSessionId);
  return {
    record: s,
    gameSessionName: s.Name,
    gameSessionId: s.GameSessionId,
    maximumSessions: s.MaximumPlayerSessionCount,
    creationTimeMillis: s.CreationTime,
    playerSessionCount: players,
    hasAvailablePlayerSessions: s.PlayerSessionCreationPolicy === "ACCEPT_ALL" && players < s.MaximumPlayerSessionCount,
    properties: Object.fromEntries(s.GameProperties.map((p) => [p.Key, p.Value])),
  };
}

/**
 * SearchGameSessions: ACTIVE sessions of a fleet or alias, filtered and sorted with GameLift's
 * expression language; at most 20 per page.
 */
export const SearchGameSessions = defineOperation(
  z.object({
    FleetId: fleetIdOrArn.optional(),
    AliasId: aliasIdOrArn.optional(),
    Location: location.optional(),
    FilterExpression: text(1, 1024).optional(),
    SortExpression: text(1, 1024).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    if ((req.FleetId === undefined) === (req.AliasId === undefined)) {
      throw new InvalidRequestException("Specify exactly one of FleetId and AliasId.");
    }
    const fleet = fleetOf(ctx, req);
    const filter = req.FilterExpression ? parseFilter(req.FilterExpression) : undefined;
    const sort = req.SortExpression ? parseSort(req.SortExpression) : undefined;
    let found = collections(ctx.store)
      .gameSessions.values()
      .filter(
        (s) => s.FleetId === fleet.FleetId && s.Status === "ACTIVE" && (!req.Location || s.Location === req.Location),
      )
      .map((s) => searchable(ctx, s))
      .filter((s) => !filter || matches(s, filter));
    if (sort) found = sortSessions(found, sort);
    const page = paginate(found, req.Limit, req.NextToken, 20);
    return { GameSessions: page.items.map((s) => gameSessionView(ctx, s.record)), NextToken: page.nextToken };
  },
);
