import type { EmulatorContext } from "../../engines/context.js";
import { estimatedWaitSeconds } from "../../engines/matchmaking/tickets.js";
import type { ConfigurationRecord, RuleSetRecord, TicketRecord } from "../../engines/state/records.js";

/** MatchmakingTicket of the API; EstimatedWaitTime while QUEUED or SEARCHING, once there is a history. */
export function ticketView(ctx: EmulatorContext, ticket: TicketRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    TicketId: ticket.ticketId,
    ConfigurationName: ticket.configurationName,
    ConfigurationArn: ticket.configurationArn,
    Status: ticket.status,
  };
  if (ticket.statusReason !== undefined) out.StatusReason = ticket.statusReason;
  if (ticket.statusMessage !== undefined) out.StatusMessage = ticket.statusMessage;
  out.StartTime = new Date(ticket.startTime);
  if (ticket.endTime !== undefined) out.EndTime = new Date(ticket.endTime);
  out.Players = ticket.players.map((p) => ({ ...p }));
  if (ticket.status === "QUEUED" || ticket.status === "SEARCHING") {
    const wait = estimatedWaitSeconds(ctx, ticket.configurationName);
    if (wait !== undefined) out.EstimatedWaitTime = wait;
  }
  if (ticket.connectionInfo) out.GameSessionConnectionInfo = structuredClone(ticket.connectionInfo);
  return out;
}

/** MatchmakingConfiguration of the API. */
export function configurationView(c: ConfigurationRecord): Record<string, unknown> {
  const { CreationTime, ...rest } = c;
  return { ...structuredClone(rest), CreationTime: new Date(CreationTime) };
}

/** MatchmakingRuleSet of the API (the body verbatim, as stored). */
export function ruleSetView(r: RuleSetRecord): Record<string, unknown> {
  return {
    RuleSetName: r.RuleSetName,
    RuleSetArn: r.RuleSetArn,
    RuleSetBody: r.RuleSetBody,
    CreationTime: new Date(r.CreationTime),
  };
}
