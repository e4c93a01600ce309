import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import type { TicketRecord } from "../../engines/state/records.js";
import { defineOperation } from "../defineOperation.js";
import { ticketId } from "./schemas.js";
import { ticketView } from "../views/matchmaking.js";

/** DescribeMatchmaking: up to 10 tickets, in request order; unknown ids are omitted. */
export const DescribeMatchmaking = defineOperation(
  z.object({ TicketIds: z.array(ticketId).min(1).max(10) }),
  (input, ctx) => {
    const cols = collections(ctx.store);
    const tickets = input.TicketIds.map((id) => cols.matchmakingTickets.get(id)).filter(
      (t): t is TicketRecord => t !== undefined,
    );
    return { TicketList: tickets.map((t) => ticketView(ctx, t)) };
  },
);
