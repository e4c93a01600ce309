import type { EmulatorContext } from "../context.js";
import { detailOf, publishEvent, ticketRefs } from "./events.js";
import { zeroMetrics } from "./matcher.js";
import { collections } from "../state/collections.js";
import { estimatedWaitSeconds, isTerminal } from "./tickets.js";
import type { ConfigurationRecord, MatchRecord, TicketRecord } from "../state/records.js";

/** The configuration a ticket belongs to (configurations with live tickets cannot be deleted). */
export function configOf(ctx: EmulatorContext, ticket: TicketRecord): ConfigurationRecord {
  const config = collections(ctx.store).matchmakingConfigurations.get(ticket.configurationName);
  if (!config)
    throw new Error(`matchmaking configuration ${ticket.configurationName} vanished under ticket ${ticket.ticketId}`);
  return config;
}

/**
 * Puts tickets (new, or back from a failed proposal) into the pool: SEARCHING, teams cleared
 * (backfill players keep theirs), and unless `announce` is false one MatchmakingSearching event
 * per ticket (a queue placement timing out sends tickets back silently).
 */
export async function enterSearching(
  ctx: EmulatorContext,
  tickets: readonly TicketRecord[],
  announce = true,
): Promise<void> {
  const cols = collections(ctx.store);
  // Every status first, then the events: an API call running during a publish must find them set.
  const searching = tickets.filter((t) => !isTerminal(t.status));
  for (const ticket of searching) {
    ticket.status = "SEARCHING";
    if (!ticket.backfill) for (const p of ticket.players) delete p.Team;
    cols.matchmakingTickets.put(ticket.ticketId, ticket);
  }
  if (!announce) return;
  for (const ticket of searching) {
    const config = configOf(ctx, ticket);
    const wait = estimatedWaitSeconds(ctx, config.Name);
    // estimatedWaitMillis is in seconds despite its name (a documented quirk).
    const members = { estimatedWaitMillis: wait ?? "NOT_AVAILABLE" };
    await publishEvent(ctx, config, detailOf("MatchmakingSearching", ticketRefs([ticket]), members));
  }
}

/** How a ticket ends without a match, with the event GameLift sends for it. */
export type TicketEnding =
  | { status: "TIMED_OUT" }
  | { status: "CANCELLED"; statusReason?: string; statusMessage?: string }
  | { status: "FAILED"; matchId?: string; statusReason?: string; statusMessage?: string };

/** Ends one ticket (TIMED_OUT, CANCELLED or FAILED) and publishes its event. */
export async function endTicket(ctx: EmulatorContext, ticket: TicketRecord, ending: TicketEnding): Promise<void> {
  const cols = collections(ctx.store);
  const config = configOf(ctx, ticket);
  ticket.status = ending.status;
  ticket.endTime = ctx.clock.now();
  if (ending.status !== "TIMED_OUT") {
    if (ending.statusReason !== undefined) ticket.statusReason = ending.statusReason;
    if (ending.statusMessage !== undefined) ticket.statusMessage = ending.statusMessage;
  }
  cols.matchmakingTickets.put(ticket.ticketId, ticket);
  const refs = ticketRefs([ticket]);
  const metrics = { ruleEvaluationMetrics: zeroMetrics(ctx, config.RuleSetName) };
  switch (ending.status) {
    case "TIMED_OUT":
      await publishEvent(
        ctx,
        config,
        detailOf("MatchmakingTimedOut", refs, {
          reason: "TimedOut",
          message: "Removed from matchmaking due to timing out.",
          ...metrics,
        }),
      );
      break;
    case "CANCELLED":
      await publishEvent(
        ctx,
        config,
        detailOf("MatchmakingCancelled", refs, { reason: "Cancelled", message: "Cancelled by request.", ...metrics }),
      );
      break;
    case "FAILED": {
      const matchId = ending.matchId !== undefined ? { matchId: ending.matchId } : {};
      await publishEvent(
        ctx,
        config,
        detailOf("MatchmakingFailed", refs, {
          reason: "UNEXPECTED_ERROR",
          message: "An unexpected error was encountered during match placing.",
          ...matchId,
        }),
      );
      break;
    }
  }
}

/** The tickets of a match that still exist, in the match's order. */
export function ticketsOf(ctx: EmulatorContext, match: MatchRecord): TicketRecord[] {
  const cols = collections(ctx.store);
  return match.ticketIds.map((id) => cols.matchmakingTickets.get(id)).filter((t): t is TicketRecord => t !== undefined);
}

/**
 * Drops a proposal that will not go ahead: the match is ABANDONED and every ticket of it that is
 * still waiting on it (not in `leaving`, not terminal) returns to SEARCHING.
 */
export async function abandonMatch(
  ctx: EmulatorContext,
  match: MatchRecord,
  leaving: ReadonlySet<string> = new Set(),
  announce = true,
): Promise<void> {
  const cols = collections(ctx.store);
  match.status = "ABANDONED";
  cols.matchmakingMatches.put(match.matchId, match);
  const back = ticketsOf(ctx, match).filter(
    (t) =>
      !leaving.has(t.ticketId) &&
      (t.status === "SEARCHING" || t.status === "REQUIRES_ACCEPTANCE" || t.status === "PLACING"),
  );
  await enterSearching(ctx, back, announce);
}
