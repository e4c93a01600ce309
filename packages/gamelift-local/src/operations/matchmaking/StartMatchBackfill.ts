import { z } from "zod";
import { openTicket } from "../../engines/matchmaking/control.js";
import { ruleSetNamed, teamNamesOf } from "../../engines/matchmaking/matcher.js";
import { sessionRecord } from "../../engines/matchmaking/sessions.js";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { gameSessionId } from "../shapes.js";
import { requireConfiguration } from "./configurationInputs.js";
import { configurationNameOrArn, player, playerRecord, ticketId } from "./schemas.js";
import { ticketView } from "../views/matchmaking.js";

/**
 * StartMatchBackfill: a QUEUED backfill ticket holding the game's current players (each with
 * Team). WITH_QUEUE needs the GameSessionArn of a FlexMatch-made session (a session gone by the
 * time new players are found fails the ticket); STANDALONE takes none. A session's earlier active
 * backfill ticket is cancelled.
 */
export const StartMatchBackfill = defineOperation(
  z.object({
    TicketId: ticketId.optional(),
    ConfigurationName: configurationNameOrArn,
    GameSessionArn: gameSessionId.optional(),
    Players: z.array(player).min(1).max(199),
  }),
  async (input, ctx) => {
    const config = requireConfiguration(ctx, input.ConfigurationName);
    const teamless = input.Players.find((p) => p.Team === undefined);
    if (teamless)
      throw new InvalidRequestException(`Player ${teamless.PlayerId} in a match backfill request needs a Team.`);
    const ruleSet = ruleSetNamed(ctx, config.RuleSetName);
    const teams = new Set(ruleSet ? teamNamesOf(ruleSet) : []);
    const stranger = input.Players.find((p) => p.Team !== undefined && !teams.has(p.Team));
    if (stranger) {
      throw new InvalidRequestException(
        `Team ${stranger.Team ?? ""} of player ${stranger.PlayerId} is not a team of rule set ${config.RuleSetName}.`,
      );
    }
    const arn = input.GameSessionArn;
    if (config.FlexMatchMode === "WITH_QUEUE") {
      if (arn === undefined)
        throw new InvalidRequestException("GameSessionArn is required when FlexMatchMode is WITH_QUEUE.");
      if (!sessionRecord(ctx, arn)) {
        if (!collections(ctx.store).gameSessions.has(arn))
          throw new NotFoundException(`Game session ${arn} not found.`);
        throw new InvalidRequestException(`Game session ${arn} was not created by FlexMatch matchmaking.`);
      }
    }
    const ticket = await openTicket(ctx, {
      ...(input.TicketId !== undefined ? { ticketId: input.TicketId } : {}),
      config,
      players: input.Players.map(playerRecord),
      backfill:
        config.FlexMatchMode === "WITH_QUEUE" && arn !== undefined
          ? { gameSessionArn: arn, auto: false }
          : { auto: false },
    });
    return { MatchmakingTicket: ticketView(ctx, ticket) };
  },
);
