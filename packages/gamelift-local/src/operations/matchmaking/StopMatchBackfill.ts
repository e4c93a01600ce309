import { z } from "zod";
import { stopTicket } from "../../engines/matchmaking/control.js";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { gameSessionId } from "../shapes.js";
import { ticketId } from "./schemas.js";

/**
 * StopMatchBackfill — an emulator extension mirroring the server SDK call of that name (the
 * GameLift service API stops backfill tickets with StopMatchmaking, which works here too).
 * Cancels a backfill ticket; InvalidRequestException for a regular matchmaking ticket.
 */
export const StopMatchBackfill = defineOperation(
  z.object({
    TicketId: ticketId,
    GameSessionArn: gameSessionId.optional(),
    MatchmakingConfigurationArn: z.string().min(1).max(256).optional(),
  }),
  async (input, ctx) => {
    const ticket = collections(ctx.store).matchmakingTickets.get(input.TicketId);
    if (ticket && !ticket.backfill) {
      throw new InvalidRequestException(`Matchmaking ticket ${input.TicketId} is not a match backfill ticket.`);
    }
    await stopTicket(ctx, input.TicketId);
    return {};
  },
);
