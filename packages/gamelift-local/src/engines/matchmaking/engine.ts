import type { EmulatorContext } from "../context.js";
import type { Engine } from "../Engine.js";
import { settleAcceptances } from "./acceptance.js";
import { openAutoBackfills } from "./autoBackfill.js";
import { endTicket, enterSearching } from "./lifecycle.js";
import { formMatches } from "./matching.js";
import { followPlacements, type MatchmakingDeps } from "./outcome.js";
import { collections } from "../state/collections.js";

/**
 * One matchmaking step at `ctx.clock.now()`, in this order: follow queue placements; settle
 * acceptances (all in, a rejection, the acceptance timeout); open auto-backfill tickets; time out
 * QUEUED/SEARCHING tickets past RequestTimeoutSeconds; move QUEUED tickets to SEARCHING; then form
 * matches per configuration.
 */
async function matchmakingStep(ctx: EmulatorContext, deps: MatchmakingDeps): Promise<void> {
  const cols = collections(ctx.store);
  await followPlacements(ctx, deps);
  await settleAcceptances(ctx, deps);
  await openAutoBackfills(ctx, deps);
  const now = ctx.clock.now();
  for (const ticket of cols.matchmakingTickets.values()) {
    if (ticket.status !== "QUEUED" && ticket.status !== "SEARCHING") continue;
    const config = cols.matchmakingConfigurations.get(ticket.configurationName);
    if (config && now >= ticket.startTime + config.RequestTimeoutSeconds * 1000)
      await endTicket(ctx, ticket, { status: "TIMED_OUT" });
  }
  await enterSearching(
    ctx,
    cols.matchmakingTickets.values().filter((t) => t.status === "QUEUED"),
  );
  for (const config of cols.matchmakingConfigurations.values()) await formMatches(ctx, deps, config);
}

/**
 * The matchmaking engine: `tick` runs one {@link matchmakingStep}.
 * @example
 * const engine = createMatchmakingEngine({ matcher: flexMatcher, placer: queuePlacer });
 * await engine.tick(ctx);
 */
export function createMatchmakingEngine(deps: MatchmakingDeps): Engine {
  return { tick: (ctx) => matchmakingStep(ctx, deps) };
}
