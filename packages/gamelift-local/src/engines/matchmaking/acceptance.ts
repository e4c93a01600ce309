import { InvalidRequestException, NotFoundException } from "../../errors.js";
import type { EmulatorContext } from "../context.js";
import { detailOf, publishEvent, ticketRefs } from "./events.js";
import { configOf, endTicket, enterSearching, ticketsOf } from "./lifecycle.js";
import { proceedMatch, type MatchmakingDeps } from "./outcome.js";
import { collections } from "../state/collections.js";
import type { MatchRecord } from "../state/records.js";

/**
 * Records AcceptMatch answers for players of one ticket and publishes an AcceptMatch event. The
 * outcome (all accepted, a rejection) is settled by the next engine tick.
 * @throws NotFoundException for an unknown ticket; InvalidRequestException unless the ticket is
 *   REQUIRES_ACCEPTANCE or when a player is not on it.
 */
export async function answerAcceptance(
  ctx: EmulatorContext,
  ticketId: string,
  playerIds: readonly string[],
  accept: boolean,
): Promise<void> {
  const cols = collections(ctx.store);
  const ticket = cols.matchmakingTickets.get(ticketId);
  if (!ticket) throw new NotFoundException(`Matchmaking ticket ${ticketId} not found.`);
  const match = ticket.matchId !== undefined ? cols.matchmakingMatches.get(ticket.matchId) : undefined;
  if (ticket.status !== "REQUIRES_ACCEPTANCE" || match?.status !== "REQUIRES_ACCEPTANCE" || !match.acceptance) {
    throw new InvalidRequestException(
      `Matchmaking ticket is in ${ticket.status} status and does not require acceptance.`,
    );
  }
  const onTicket = new Set(ticket.players.map((p) => p.PlayerId));
  const stranger = playerIds.find((p) => !onTicket.has(p));
  if (stranger !== undefined) {
    throw new InvalidRequestException(`Player ${stranger} is not part of matchmaking ticket ${ticketId}.`);
  }
  for (const p of playerIds) match.acceptance.answers[p] = accept;
  cols.matchmakingMatches.put(match.matchId, match);
  const tickets = ticketsOf(ctx, match);
  await publishEvent(
    ctx,
    configOf(ctx, ticket),
    detailOf("AcceptMatch", ticketRefs(tickets, { accepted: match.acceptance.answers }), { matchId: match.matchId }),
  );
}

/** Settles every proposal awaiting acceptance: all accepted, a rejection, or the timeout. */
export async function settleAcceptances(ctx: EmulatorContext, deps: MatchmakingDeps): Promise<void> {
  const now = ctx.clock.now();
  for (const match of collections(ctx.store).matchmakingMatches.values()) {
    const acceptance = match.acceptance;
    if (match.status !== "REQUIRES_ACCEPTANCE" || !acceptance) continue;
    const answers = acceptance.required.map((p) => acceptance.answers[p]);
    if (answers.includes(false)) await failAcceptance(ctx, match, "Rejected");
    else if (answers.every((a) => a === true)) {
      // Settled before the publish below awaits: late answers are refused from here on.
      match.status = "PLACING";
      collections(ctx.store).matchmakingMatches.put(match.matchId, match);
      await completeAcceptance(ctx, match, "Accepted");
      await proceedMatch(ctx, deps, match);
    } else if (now >= acceptance.deadline) await failAcceptance(ctx, match, "TimedOut");
  }
}

async function completeAcceptance(ctx: EmulatorContext, match: MatchRecord, acceptance: string): Promise<void> {
  const tickets = ticketsOf(ctx, match);
  const first = tickets[0];
  if (!first) return;
  await publishEvent(
    ctx,
    configOf(ctx, first),
    detailOf("AcceptMatchCompleted", ticketRefs(tickets), { acceptance, matchId: match.matchId }),
  );
}

/**
 * A proposal not accepted in full: tickets whose players all accepted (and backfill tickets) go
 * back to SEARCHING; tickets with a rejecting or silent player end CANCELLED.
 */
async function failAcceptance(
  ctx: EmulatorContext,
  match: MatchRecord,
  acceptance: "Rejected" | "TimedOut",
): Promise<void> {
  const cols = collections(ctx.store);
  match.status = "ABANDONED";
  cols.matchmakingMatches.put(match.matchId, match);
  await completeAcceptance(ctx, match, acceptance);
  const answers = match.acceptance?.answers ?? {};
  const tickets = ticketsOf(ctx, match).filter((t) => t.status === "REQUIRES_ACCEPTANCE");
  const back = tickets.filter((t) => t.backfill || t.players.every((p) => answers[p.PlayerId] === true));
  for (const t of tickets) {
    // A ticket stopped while an event was being published has ended already.
    if (back.includes(t) || t.status !== "REQUIRES_ACCEPTANCE") continue;
    const statusMessage =
      acceptance === "Rejected"
        ? "A player rejected the proposed match."
        : "A player did not accept the proposed match in time.";
    await endTicket(ctx, t, {
      status: "CANCELLED",
      statusReason: acceptance === "Rejected" ? "ACCEPTANCE_REJECTED" : "ACCEPTANCE_TIMED_OUT",
      statusMessage,
    });
  }
  await enterSearching(ctx, back);
}
