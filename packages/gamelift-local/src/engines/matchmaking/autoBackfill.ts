import type { EmulatorContext } from "../context.js";
import { openTicket } from "./control.js";
import { ruleSetNamed } from "./matcher.js";
import type { MatchmakingDeps } from "./outcome.js";
import { autoBackfillTicketId, matchmakerDataOf, playerCount, putSession } from "./sessions.js";
import { collections } from "../state/collections.js";
import { isTerminal } from "./tickets.js";

/**
 * BackfillMode AUTOMATIC: every live FlexMatch-made game session with open slots (fewer matched
 * players than the rule set's maximum) and no active backfill ticket gets an `auto-backfill-…`
 * ticket holding its current players. The id written into MatchmakerData is used first; when it
 * is spent (timed out, say), a new id is minted and the session's MatchmakerData rewritten.
 */
export async function openAutoBackfills(ctx: EmulatorContext, deps: MatchmakingDeps): Promise<void> {
  const cols = collections(ctx.store);
  // Nothing to scan (every remembered session, every tick) unless some configuration backfills automatically.
  let automatic = false;
  for (const c of cols.matchmakingConfigurations.each()) if (c.BackfillMode === "AUTOMATIC") automatic = true;
  if (!automatic) return;
  for (const record of cols.matchmakingSessions.values()) {
    const arn = record.gameSessionArn;
    if (record.autoBackfillStopped) continue;
    const config = cols.matchmakingConfigurations.get(record.configurationName);
    if (config?.BackfillMode !== "AUTOMATIC" || playerCount(record) >= record.maxPlayers) continue;
    const active = cols.matchmakingTickets
      .values()
      .some((t) => t.backfill?.gameSessionArn === arn && !isTerminal(t.status));
    if (active) continue;
    if (!(await deps.placer.isLive(ctx, arn))) {
      putSession(ctx, { ...record, autoBackfillStopped: true });
      continue;
    }
    let ticketId = record.autoBackfillTicketId;
    if (ticketId === null || cols.matchmakingTickets.has(ticketId)) {
      ticketId = autoBackfillTicketId(ctx);
      const ruleSet = ruleSetNamed(ctx, config.RuleSetName);
      if (ruleSet)
        await deps.placer.updateMatchmakerData(
          ctx,
          arn,
          matchmakerDataOf(ruleSet, config, record.matchId, record.teams, ticketId),
        );
    }
    putSession(ctx, { ...record, autoBackfillTicketId: ticketId });
    await openTicket(ctx, {
      ticketId,
      config,
      players: record.teams.flatMap((t) => t.players.map((p) => ({ ...structuredClone(p), Team: t.name }))),
      backfill: { gameSessionArn: arn, auto: true },
    });
  }
}
