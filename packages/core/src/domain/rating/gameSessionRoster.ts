import { ConflictError, NotFoundError, NotPermittedError } from "../../errors.js";
import type { Ticket } from "../ticket/types.js";
import { fleetIdOfGameSession } from "./gameSession.js";
import type { GameSessionTicketsPort } from "./ports.js";
import type { MatchRoster } from "./types.js";

/** The fleets a game server may act for: a list of fleet ids, or `"*"` for any (an operator). */
export type FleetScope = readonly string[] | "*";

/** A game session as the table knows it: its ARN, the tickets placed into it, and who played. */
export interface KnownGameSession {
  readonly gameSessionArn: string;
  readonly tickets: readonly Ticket[];
  readonly roster: MatchRoster;
}

/**
 * Finds a game session by ARN or last segment through its tickets and checks that the caller's
 * fleets own it.
 * @throws NotFoundError when no ticket was placed into it.
 * @throws ConflictError `AMBIGUOUS_GAME_SESSION` when a bare id matches sessions of several fleets.
 * @throws NotPermittedError `FLEET_NOT_ALLOWED` when the session runs on a fleet outside `fleets`.
 */
export async function findGameSession(
  tickets: GameSessionTicketsPort,
  gameSessionId: string,
  fleets: FleetScope,
): Promise<KnownGameSession> {
  const found = (await tickets.listByGameSession(gameSessionId)).filter((t) => t.connection !== undefined);
  const arns = [...new Set(found.map((t) => t.connection?.gameSessionArn as string))];
  const arn = arns[0];
  if (arn === undefined) throw new NotFoundError("No matchmade game session with this id");
  if (arns.length > 1) {
    throw new ConflictError("AMBIGUOUS_GAME_SESSION", "Several game sessions end in this id; send the full ARN", {
      details: { gameSessionArns: arns },
    });
  }
  const fleetId = fleetIdOfGameSession(arn);
  if (fleets !== "*" && (fleetId === undefined || !fleets.includes(fleetId))) {
    throw new NotPermittedError("FLEET_NOT_ALLOWED", "This game session runs on a fleet the caller does not serve", {
      details: { fleetId },
    });
  }
  const players = found.flatMap((t) =>
    t.playerIds.flatMap((playerId) => {
      const team = t.players[playerId]?.team;
      return team === undefined ? [] : [{ playerId, team }];
    }),
  );
  const roster: MatchRoster = { gameSessionArn: arn, configurationName: found[0]?.configurationName ?? "", players };
  return { gameSessionArn: arn, tickets: found, roster };
}
