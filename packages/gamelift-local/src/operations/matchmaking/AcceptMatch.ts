import { z } from "zod";
import { answerAcceptance } from "../../engines/matchmaking/acceptance.js";
import { defineOperation } from "../defineOperation.js";
import { text } from "../shapes.js";
import { ticketId } from "./schemas.js";

/**
 * AcceptMatch: records ACCEPT/REJECT for some of a ticket's players while it is
 * REQUIRES_ACCEPTANCE (else InvalidRequestException). The next engine tick settles the match.
 */
export const AcceptMatch = defineOperation(
  z.object({
    TicketId: ticketId,
    PlayerIds: z.array(text(1, 1024)).min(1),
    AcceptanceType: z.enum(["ACCEPT", "REJECT"]),
  }),
  async (input, ctx) => {
    await answerAcceptance(ctx, input.TicketId, input.PlayerIds, input.AcceptanceType === "ACCEPT");
    return {};
  },
);
