import { InvalidRequestException, NotFoundException } from "../../errors.js";
import type { EmulatorContext } from "../context.js";
import { abandonMatch, endTicket } from "./lifecycle.js";
import { putSession, sessionRecord } from "./sessions.js";
import { collections } from "../state/collections.js";
import { isTerminal } from "./tickets.js";
import type { ConfigurationRecord, PlayerRecord, TicketRecord } from "../state/records.js";

/** What StartMatchmaking / StartMatchBackfill hand the engine (already validated). */
export interface NewTicket {
  ticketId?: string;
  config: ConfigurationRecord;
  players: PlayerRecord[];
  backfill?: { gameSessionArn?: string; auto: boolean };
}

/**
 * Opens a QUEUED ticket (the engine's next tick moves it to SEARCHING).
 * @throws InvalidRequestException when the TicketId is already taken (ticket IDs are never reused).
 */
export async function openTicket(ctx: EmulatorContext, request: NewTicket): Promise<TicketRecord> {
  const cols = collections(ctx.store);
  const ticketId = request.ticketId ?? ctx.ids.uuid();
  if (cols.matchmakingTickets.has(ticketId))
    throw new InvalidRequestException(`Matchmaking ticket ${ticketId} already exists.`);
  const ticket: TicketRecord = {
    ticketId,
    configurationName: request.config.Name,
    configurationArn: request.config.ConfigurationArn,
    status: "QUEUED",
    startTime: ctx.clock.now(),
    players: request.players.map((p) => structuredClone(p)),
    ...(request.backfill ? { backfill: { ...request.backfill } } : {}),
  };
  // Stored before anything awaits, so a concurrent request cannot take the same TicketId.
  cols.matchmakingTickets.put(ticketId, ticket);
  if (ticket.backfill) await replaceBackfill(ctx, ticket);
  else await replacePlayersTickets(ctx, ticket);
  return ticket;
}

/** One active ticket per player per configuration: a new ticket naming a player cancels the older one. */
async function replacePlayersTickets(ctx: EmulatorContext, ticket: TicketRecord): Promise<void> {
  const ids = new Set(ticket.players.map((p) => p.PlayerId));
  // Scanned without copying (one scan per new ticket); cancelled after the scan.
  const older: TicketRecord[] = [];
  for (const t of collections(ctx.store).matchmakingTickets.each()) {
    if (
      t.ticketId !== ticket.ticketId &&
      t.configurationName === ticket.configurationName &&
      !t.backfill &&
      !isTerminal(t.status) &&
      t.status !== "PLACING" &&
      t.players.some((p) => ids.has(p.PlayerId))
    ) {
      older.push(t);
    }
  }
  for (const t of older) await cancelTicket(ctx, t);
}

/** One active backfill per game session: a new request replaces the earlier one. */
async function replaceBackfill(ctx: EmulatorContext, ticket: TicketRecord): Promise<void> {
  const arn = ticket.backfill?.gameSessionArn;
  if (arn === undefined) return;
  const older = collections(ctx.store)
    .matchmakingTickets.values()
    .filter(
      (t) =>
        t.ticketId !== ticket.ticketId &&
        t.backfill?.gameSessionArn === arn &&
        !isTerminal(t.status) &&
        t.status !== "PLACING",
    );
  for (const t of older) await cancelTicket(ctx, t);
}

/** Cancels a live ticket (MatchmakingCancelled); a proposal it was in is dropped, the others search again. */
async function cancelTicket(ctx: EmulatorContext, ticket: TicketRecord): Promise<void> {
  const cols = collections(ctx.store);
  const match = ticket.matchId !== undefined ? cols.matchmakingMatches.get(ticket.matchId) : undefined;
  await endTicket(ctx, ticket, { status: "CANCELLED" });
  if (match?.status === "REQUIRES_ACCEPTANCE") {
    await abandonMatch(ctx, match, new Set([ticket.ticketId]));
  }
}

/**
 * StopMatchmaking: cancels a QUEUED, SEARCHING or REQUIRES_ACCEPTANCE ticket. Stopping an
 * auto-backfill ticket also ends automatic backfill for its game session.
 * @throws NotFoundException for an unknown ticket; InvalidRequestException while PLACING or once
 *   COMPLETED, FAILED or TIMED_OUT. Stopping a CANCELLED ticket again is a no-op.
 */
export async function stopTicket(ctx: EmulatorContext, ticketId: string): Promise<void> {
  const ticket = collections(ctx.store).matchmakingTickets.get(ticketId);
  if (!ticket) throw new NotFoundException(`Matchmaking ticket ${ticketId} not found.`);
  if (ticket.backfill?.auto && ticket.backfill.gameSessionArn !== undefined) {
    const session = sessionRecord(ctx, ticket.backfill.gameSessionArn);
    if (session) putSession(ctx, { ...session, autoBackfillStopped: true });
  }
  if (ticket.status === "CANCELLED") return;
  if (ticket.status === "PLACING" || isTerminal(ticket.status)) {
    throw new InvalidRequestException(`Matchmaking ticket is in ${ticket.status} status and cannot be canceled.`);
  }
  await cancelTicket(ctx, ticket);
}
