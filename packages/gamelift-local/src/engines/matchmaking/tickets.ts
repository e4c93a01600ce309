import type { MatchmakingState } from "./state.js";
import { terminalStatuses, type TicketRecord, type TicketStatus } from "./types.js";

/** How many recent waits per configuration feed EstimatedWaitTime. */
const waitHistorySize = 20;

/** Whether a ticket is done (COMPLETED, FAILED, CANCELLED, TIMED_OUT). */
export function isTerminal(status: TicketStatus): boolean {
  return terminalStatuses.includes(status);
}

/** Records how long (ms) a ticket waited for a match, for EstimatedWaitTime. */
export function recordWait(state: MatchmakingState, configurationName: string, waitedMs: number): void {
  const waits = [...(state.waits.get(configurationName) ?? []), Math.max(0, waitedMs) / 1000];
  state.waits.put(configurationName, waits.slice(-waitHistorySize));
}

/**
 * The estimated wait in whole seconds, from the configuration's recent matches, or `undefined`
 * when there is no history yet (GameLift then says `NOT_AVAILABLE` in events and omits the field).
 */
export function estimatedWaitSeconds(state: MatchmakingState, configurationName: string): number | undefined {
  const waits = state.waits.get(configurationName);
  if (!waits || waits.length === 0) return undefined;
  return Math.round(waits.reduce((a, b) => a + b, 0) / waits.length);
}

/** A ticket in the API's `MatchmakingTicket` shape (timestamps as `Date`). */
export function ticketToApi(ticket: TicketRecord, state: MatchmakingState): Record<string, unknown> {
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
    const wait = estimatedWaitSeconds(state, ticket.configurationName);
    if (wait !== undefined) out.EstimatedWaitTime = wait;
  }
  if (ticket.connectionInfo) out.GameSessionConnectionInfo = structuredClone(ticket.connectionInfo);
  return out;
}
