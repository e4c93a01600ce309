import { z } from "zod";
import { stateOf } from "../../engines/matchmaking/state.js";
import { ticketToApi } from "../../engines/matchmaking/tickets.js";
import type { TicketRecord } from "../../engines/matchmaking/types.js";
import { defineOperation } from "../defineOperation.js";
import { ticketId } from "./schemas.js";

/** DescribeMatchmaking: up to 10 tickets, in request order; unknown ids are omitted. */
export const DescribeMatchmaking = defineOperation(
  z.object({ TicketIds: z.array(ticketId).min(1).max(10) }),
  (input, ctx) => {
    const st = stateOf(ctx);
    const tickets = input.TicketIds.map((id) => st.tickets.get(id)).filter((t): t is TicketRecord => t !== undefined);
    return { TicketList: tickets.map((t) => ticketToApi(t, st)) };
  },
);
