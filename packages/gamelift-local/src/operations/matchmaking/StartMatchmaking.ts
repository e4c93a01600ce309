import { z } from "zod";
import { openTicket } from "../../engines/matchmaking/control.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireConfiguration } from "./configurationInputs.js";
import { configurationNameOrArn, player, playerRecord, ticketId } from "./schemas.js";
import { ticketView } from "../views/matchmaking.js";

/** Players per ticket: a party of up to ten, kept on one team. */
const maxPartySize = 10;

/**
 * StartMatchmaking: opens a QUEUED ticket for a party (1..10 players). A player's older active
 * ticket in the same configuration is cancelled.
 */
export const StartMatchmaking = defineOperation(
  z.object({
    TicketId: ticketId.optional(),
    ConfigurationName: configurationNameOrArn,
    Players: z.array(player).min(1),
  }),
  async (input, ctx) => {
    const config = requireConfiguration(ctx, input.ConfigurationName);
    if (input.Players.length > maxPartySize) {
      throw new InvalidRequestException(`A matchmaking request can have at most ${maxPartySize} players.`);
    }
    const ids = input.Players.map((p) => p.PlayerId);
    if (new Set(ids).size !== ids.length)
      throw new InvalidRequestException("Each PlayerId in a matchmaking request must be unique.");
    if (input.Players.some((p) => p.Team !== undefined)) {
      throw new InvalidRequestException("Team can only be set on players of a match backfill request.");
    }
    const ticket = await openTicket(ctx, {
      ...(input.TicketId !== undefined ? { ticketId: input.TicketId } : {}),
      config,
      players: input.Players.map(playerRecord),
    });
    return { MatchmakingTicket: ticketView(ctx, ticket) };
  },
);
