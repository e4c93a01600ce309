import type { EmulatorContext } from "../context.js";
import { detailOf, publishEvent, ticketRefs } from "./events.js";
import { fillRuleSet, poolTicketOf, ruleSetNamed, type ProposedMatch } from "./matcher.js";
import { proceedMatch, type MatchmakingDeps } from "./outcome.js";
import { collections } from "../state/collections.js";
import { recordWait } from "./tickets.js";
import type { ConfigurationRecord, MatchRecord, TicketRecord } from "../state/records.js";

/** Acceptance window when a configuration asks for acceptance without saying how long (the maximum). */
const defaultAcceptanceTimeoutSeconds = 600;

/** Runs the rule engine over a configuration's SEARCHING tickets and takes up every proposal. */
export async function formMatches(
  ctx: EmulatorContext,
  deps: MatchmakingDeps,
  config: ConfigurationRecord,
): Promise<void> {
  const cols = collections(ctx.store);
  const pool = cols.matchmakingTickets
    .values()
    .filter((t) => t.configurationName === config.Name && t.status === "SEARCHING")
    .sort((a, b) => a.startTime - b.startTime);
  const ruleSet = pool.length > 0 ? ruleSetNamed(ctx, config.RuleSetName) : undefined;
  if (!ruleSet) return;
  const proposals = deps.matcher(fillRuleSet(ruleSet, config), pool.map(poolTicketOf), ctx.clock.now());
  const taken = new Set<string>();
  for (const proposal of proposals) {
    // Proposals are disjoint by contract; a ticket that left SEARCHING meanwhile spoils the proposal.
    if (proposal.ticketIds.some((id) => taken.has(id) || cols.matchmakingTickets.get(id)?.status !== "SEARCHING"))
      continue;
    for (const id of proposal.ticketIds) taken.add(id);
    await takeProposal(ctx, deps, config, proposal);
  }
}

async function takeProposal(
  ctx: EmulatorContext,
  deps: MatchmakingDeps,
  config: ConfigurationRecord,
  proposal: ProposedMatch,
): Promise<void> {
  const cols = collections(ctx.store);
  const now = ctx.clock.now();
  const matchId = ctx.ids.uuid();
  const teamOf = new Map(proposal.teams.flatMap((t) => t.players.map((p) => [p.playerId, t.name] as const)));
  const tickets = proposal.ticketIds
    .map((id) => cols.matchmakingTickets.get(id))
    .filter((t): t is TicketRecord => t !== undefined);
  const backfill = tickets.find((t) => t.backfill);
  for (const t of tickets) {
    t.matchId = matchId;
    if (!t.backfill) {
      for (const p of t.players) {
        const team = teamOf.get(p.PlayerId);
        if (team !== undefined) p.Team = team;
      }
      recordWait(ctx, config.Name, now - t.startTime);
    }
    cols.matchmakingTickets.put(t.ticketId, t);
  }
  const match: MatchRecord = {
    matchId,
    configurationName: config.Name,
    ticketIds: tickets.map((t) => t.ticketId),
    teams: proposal.teams.map((t) => ({ name: t.name, players: t.players.map((p) => ({ ...p })) })),
    status: config.AcceptanceRequired ? "REQUIRES_ACCEPTANCE" : "PLACING",
    createdAt: now,
    ruleEvaluationMetrics: proposal.ruleEvaluationMetrics.map((m) => ({ ...m })),
    ...(proposal.location !== undefined ? { location: proposal.location } : {}),
    ...(backfill ? { backfillTicketId: backfill.ticketId } : {}),
  };
  const timeout = config.AcceptanceTimeoutSeconds ?? defaultAcceptanceTimeoutSeconds;
  if (config.AcceptanceRequired) {
    // In a backfill only the new players accept.
    const required = tickets.filter((t) => !t.backfill).flatMap((t) => t.players.map((p) => p.PlayerId));
    match.acceptance = { deadline: now + timeout * 1000, answers: {}, required };
    for (const t of tickets) {
      t.status = "REQUIRES_ACCEPTANCE";
      cols.matchmakingTickets.put(t.ticketId, t);
    }
  }
  cols.matchmakingMatches.put(matchId, match);
  await publishEvent(
    ctx,
    config,
    detailOf("PotentialMatchCreated", ticketRefs(tickets), {
      acceptanceRequired: config.AcceptanceRequired,
      ...(config.AcceptanceRequired ? { acceptanceTimeout: timeout } : {}),
      ruleEvaluationMetrics: match.ruleEvaluationMetrics,
      matchId,
    }),
  );
  if (!config.AcceptanceRequired) await proceedMatch(ctx, deps, match);
}
