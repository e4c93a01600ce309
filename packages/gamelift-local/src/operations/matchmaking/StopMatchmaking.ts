import { z } from "zod";
import { stopTicket } from "../../engines/matchmaking/control.js";
import { defineOperation } from "../defineOperation.js";
import { ticketId } from "./schemas.js";

/**
 * StopMatchmaking: cancels a matchmaking or backfill ticket (InvalidRequestException while
 * PLACING). On an auto-backfill ticket it also turns automatic backfill off for that session.
 */
export const StopMatchmaking = defineOperation(z.object({ TicketId: ticketId }), async (input, ctx) => {
  await stopTicket(ctx, input.TicketId);
  return {};
});
