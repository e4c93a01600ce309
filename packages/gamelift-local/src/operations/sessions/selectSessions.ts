import { collections } from "../../engines/state/collections.js";
import type { GameSessionRecord } from "../../engines/state/records.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { fleetOf } from "../lookup.js";
import { paginate } from "../paginate.js";
import type { EmulatorContext } from "../../engines/context.js";

/** The selection members of DescribeGameSessions / DescribeGameSessionDetails. */
export interface SessionSelection {
  FleetId?: string;
  AliasId?: string;
  GameSessionId?: string;
  Location?: string;
  StatusFilter?: string;
  Limit?: number;
  NextToken?: string;
}

/** Game sessions by id, or of a fleet/alias (optionally one location and status), paged. */
export function selectSessions(
  ctx: EmulatorContext,
  req: SessionSelection,
): { sessions: GameSessionRecord[]; NextToken?: string } {
  const all = collections(ctx.store).gameSessions;
  if (req.GameSessionId !== undefined) {
    const one = all.get(req.GameSessionId);
    if (!one) throw new NotFoundException(`Game session ${req.GameSessionId} not found.`);
    return { sessions: [one] };
  }
  if (req.FleetId === undefined && req.AliasId === undefined) {
    throw new InvalidRequestException("Specify a GameSessionId, FleetId or AliasId.");
  }
  const fleet = fleetOf(ctx, req);
  const sessions = all
    .values()
    .filter(
      (s) =>
        s.FleetId === fleet.FleetId &&
        (!req.Location || s.Location === req.Location) &&
        (!req.StatusFilter || s.Status === req.StatusFilter),
    );
  const page = paginate(sessions, req.Limit, req.NextToken);
  return { sessions: page.items, NextToken: page.nextToken };
}
