import type { EmulatorContext } from "../context.js";
import { detailOf, publishEvent, ticketRefs } from "./events.js";
import { abandonMatch, configOf, endTicket, ticketsOf } from "./lifecycle.js";
import { fillRuleSet, maxPlayersOf, ruleSetNamed, type Matcher, type RuleSet } from "./matcher.js";
import type { MatchPlacer, PlacedSession } from "./placer.js";
import { autoBackfillTicketId, matchmakerDataOf, putSession, sessionRecord, teamsOfPlayers } from "./sessions.js";
import { collections } from "../state/collections.js";
import { isTerminal } from "./tickets.js";
import type { ConfigurationRecord, MatchedSessionRecord, MatchRecord, TicketRecord } from "../state/records.js";

/** What the engine depends on; both swappable for tests. */
export interface MatchmakingDeps {
  readonly matcher: Matcher;
  readonly placer: MatchPlacer;
}

function requireRuleSet(ctx: EmulatorContext, config: ConfigurationRecord): RuleSet {
  const ruleSet = ruleSetNamed(ctx, config.RuleSetName);
  if (!ruleSet) throw new Error(`rule set ${config.RuleSetName} of configuration ${config.Name} vanished`);
  return ruleSet;
}

/** Every player of the match's tickets (backfill players included), with their Team. */
function matchPlayers(tickets: readonly TicketRecord[]): TicketRecord["players"] {
  return tickets.flatMap((t) => t.players);
}

/** Ends every ticket of a match FAILED (queue unreachable, session gone) with MatchmakingFailed. */
async function failMatch(ctx: EmulatorContext, match: MatchRecord, reason: string): Promise<void> {
  match.status = "FAILED";
  collections(ctx.store).matchmakingMatches.put(match.matchId, match);
  for (const t of ticketsOf(ctx, match)) {
    if (t.status === "PLACING" || t.status === "REQUIRES_ACCEPTANCE" || t.status === "SEARCHING") {
      await endTicket(ctx, t, {
        status: "FAILED",
        matchId: match.matchId,
        statusReason: "UNEXPECTED_ERROR",
        statusMessage: reason,
      });
    }
  }
}

/**
 * Moves an agreed match on: STANDALONE completes at once; a WITH_QUEUE backfill joins the running
 * session; a new WITH_QUEUE match starts a queue placement (tickets PLACING).
 */
export async function proceedMatch(ctx: EmulatorContext, deps: MatchmakingDeps, match: MatchRecord): Promise<void> {
  const cols = collections(ctx.store);
  const tickets = ticketsOf(ctx, match);
  // With the real-time loop an API call can run while this tick awaits a publish: a ticket
  // stopped meanwhile spoils the match, and the others go back to the pool.
  const gone = tickets.filter((t) => isTerminal(t.status));
  if (gone.length > 0) return abandonMatch(ctx, match, new Set(gone.map((t) => t.ticketId)));
  const first = tickets[0];
  if (!first) return;
  const config = configOf(ctx, first);
  if (config.FlexMatchMode === "STANDALONE") return completeMatch(ctx, match, undefined);

  const ruleSet = requireRuleSet(ctx, config);
  const backfillTicket =
    match.backfillTicketId !== undefined ? cols.matchmakingTickets.get(match.backfillTicketId) : undefined;
  const sessionArn = backfillTicket?.backfill?.gameSessionArn;
  if (sessionArn !== undefined) {
    const newPlayers = tickets.filter((t) => !t.backfill).flatMap((t) => t.players);
    const existing = sessionRecord(ctx, sessionArn);
    const players = matchPlayers(tickets);
    const keepsFilling =
      config.BackfillMode === "AUTOMATIC" &&
      !existing?.autoBackfillStopped &&
      players.length < maxPlayersOf(fillRuleSet(ruleSet, config));
    const autoId = keepsFilling ? autoBackfillTicketId(ctx) : null;
    if (autoId !== null) match.autoBackfillTicketId = autoId;
    const teams = teamsOfPlayers(
      players,
      match.teams.map((t) => t.name),
    );
    const data = matchmakerDataOf(ruleSet, config, match.matchId, teams, autoId);
    try {
      const session = await deps.placer.join(
        ctx,
        sessionArn,
        newPlayers.map((p) => p.PlayerId),
        data,
      );
      return completeMatch(ctx, match, session);
    } catch (err) {
      return failMatch(ctx, match, err instanceof Error ? err.message : String(err));
    }
  }

  match.status = "PLACING";
  match.placementId = ctx.ids.uuid();
  const players = matchPlayers(tickets);
  const fillable = maxPlayersOf(fillRuleSet(ruleSet, config));
  const autoId = config.BackfillMode === "AUTOMATIC" && players.length < fillable ? autoBackfillTicketId(ctx) : null;
  if (autoId !== null) match.autoBackfillTicketId = autoId;
  cols.matchmakingMatches.put(match.matchId, match);
  for (const t of tickets) {
    t.status = "PLACING";
    cols.matchmakingTickets.put(t.ticketId, t);
  }
  try {
    await deps.placer.start(ctx, {
      placementId: match.placementId,
      queueArns: config.GameSessionQueueArns,
      maximumPlayerSessionCount: maxPlayersOf(ruleSet),
      gameProperties: config.GameProperties,
      ...(config.GameSessionData !== undefined ? { gameSessionData: config.GameSessionData } : {}),
      matchmakerData: matchmakerDataOf(
        ruleSet,
        config,
        match.matchId,
        teamsOfPlayers(
          players,
          match.teams.map((t) => t.name),
        ),
        autoId,
      ),
      players: players.map((p) =>
        p.LatencyInMs ? { playerId: p.PlayerId, latencyInMs: p.LatencyInMs } : { playerId: p.PlayerId },
      ),
    });
  } catch (err) {
    await failMatch(ctx, match, err instanceof Error ? err.message : String(err));
  }
}

/**
 * Completes a match: tickets COMPLETED (WITH_QUEUE: with GameSessionConnectionInfo), one
 * MatchmakingSucceeded, and the session remembered for later backfills.
 */
async function completeMatch(
  ctx: EmulatorContext,
  match: MatchRecord,
  session: PlacedSession | undefined,
): Promise<void> {
  const cols = collections(ctx.store);
  const tickets = ticketsOf(ctx, match);
  const first = tickets[0];
  if (!first) return;
  const config = configOf(ctx, first);
  const now = ctx.clock.now();
  const psess = new Map((session?.playerSessions ?? []).map((s) => [s.playerId, s.playerSessionId]));
  match.status = "COMPLETED";
  cols.matchmakingMatches.put(match.matchId, match);
  for (const t of tickets) {
    t.status = "COMPLETED";
    t.endTime = now;
    if (session) {
      t.connectionInfo = {
        GameSessionArn: session.gameSessionArn,
        IpAddress: session.ipAddress,
        DnsName: session.dnsName,
        Port: session.port,
        MatchedPlayerSessions: t.players
          .filter((p) => psess.has(p.PlayerId))
          .map((p) => ({ PlayerId: p.PlayerId, PlayerSessionId: psess.get(p.PlayerId) ?? "" })),
      };
    }
    cols.matchmakingTickets.put(t.ticketId, t);
  }
  const where = session
    ? {
        gameSessionArn: session.gameSessionArn,
        ipAddress: session.ipAddress,
        dnsName: session.dnsName,
        port: session.port,
      }
    : {};
  await publishEvent(
    ctx,
    config,
    detailOf(
      "MatchmakingSucceeded",
      ticketRefs(tickets, { playerSessionId: psess }),
      { matchId: match.matchId },
      where,
    ),
  );
  rememberSession(ctx, match, config, tickets, session);
}

/** Remembers a WITH_QUEUE game session's matched players, for later (auto) backfills. */
function rememberSession(
  ctx: EmulatorContext,
  match: MatchRecord,
  config: ConfigurationRecord,
  tickets: readonly TicketRecord[],
  session: PlacedSession | undefined,
): void {
  const ruleSet = ruleSetNamed(ctx, config.RuleSetName);
  if (!ruleSet || !session) return;
  const previous = sessionRecord(ctx, session.gameSessionArn);
  const record: MatchedSessionRecord = {
    gameSessionArn: session.gameSessionArn,
    configurationName: config.Name,
    matchId: match.matchId,
    teams: teamsOfPlayers(
      matchPlayers(tickets),
      match.teams.map((t) => t.name),
    ),
    maxPlayers: maxPlayersOf(fillRuleSet(ruleSet, config)),
    autoBackfillTicketId: match.autoBackfillTicketId ?? null,
    ...(previous?.autoBackfillStopped ? { autoBackfillStopped: true } : {}),
  };
  putSession(ctx, record);
}

/** Follows every PLACING match's queue placement one step. */
export async function followPlacements(ctx: EmulatorContext, deps: MatchmakingDeps): Promise<void> {
  for (const match of collections(ctx.store).matchmakingMatches.values()) {
    if (match.status !== "PLACING" || match.placementId === undefined) continue;
    const progress = await deps.placer.progress(ctx, match.placementId);
    switch (progress.status) {
      case "PENDING":
        break;
      case "FULFILLED":
        await completeMatch(ctx, match, progress.session);
        break;
      case "TIMED_OUT":
        // The queue gave up: the tickets match again, silently, until their request times out.
        delete match.autoBackfillTicketId;
        await abandonMatch(ctx, match, new Set(), false);
        await dropSuperseded(ctx, ticketsOf(ctx, match));
        break;
      default:
        await failMatch(ctx, match, `Game session placement ${progress.status}.`);
    }
  }
}

/**
 * A player may start a new ticket while an older one is PLACING (that one cannot be cancelled).
 * If the older one comes back to the pool, the newer ticket wins: the older is cancelled.
 */
async function dropSuperseded(ctx: EmulatorContext, tickets: readonly TicketRecord[]): Promise<void> {
  const all = collections(ctx.store).matchmakingTickets.values();
  for (const t of tickets) {
    if (t.status !== "SEARCHING" || t.backfill) continue;
    const ids = new Set(t.players.map((p) => p.PlayerId));
    const newer = all.some(
      (o) =>
        o.ticketId !== t.ticketId &&
        o.configurationName === t.configurationName &&
        !o.backfill &&
        o.startTime >= t.startTime &&
        (o.status === "QUEUED" ||
          o.status === "SEARCHING" ||
          o.status === "REQUIRES_ACCEPTANCE" ||
          o.status === "PLACING") &&
        o.players.some((p) => ids.has(p.PlayerId)),
    );
    if (newer) await endTicket(ctx, t, { status: "CANCELLED" });
  }
}
