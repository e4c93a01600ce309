import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";
import { terminalStatuses, type TicketStatus } from "../state/records.js";

/** How many recent waits per configuration feed EstimatedWaitTime. */
const waitHistorySize = 20;

/** Whether a ticket is done (COMPLETED, FAILED, CANCELLED, TIMED_OUT). */
export function isTerminal(status: TicketStatus): boolean {
  return terminalStatuses.includes(status);
}

/** Records how long (ms) a ticket waited for a match, for EstimatedWaitTime. */
export function recordWait(ctx: EmulatorContext, configurationName: string, waitedMs: number): void {
  const waits = collections(ctx.store).matchmakingWaits;
  const recent = [...(waits.get(configurationName) ?? []), Math.max(0, waitedMs) / 1000];
  waits.put(configurationName, recent.slice(-waitHistorySize));
}

/**
 * The estimated wait in whole seconds, from the configuration's recent matches, or `undefined`
 * when there is no history yet (GameLift then says `NOT_AVAILABLE` in events and omits the field).
 */
export function estimatedWaitSeconds(ctx: EmulatorContext, configurationName: string): number | undefined {
  const waits = collections(ctx.store).matchmakingWaits.get(configurationName);
  if (!waits || waits.length === 0) return undefined;
  return Math.round(waits.reduce((a, b) => a + b, 0) / waits.length);
}
