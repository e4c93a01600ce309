/** Turns an assembled match into the public ProposedMatch shape. */
import type { MatchView } from "../expressions/context.js";
import { commonLocations } from "../rules/latency.js";
import type { ProposedMatch, RuleSet } from "../types.js";
import type { Entry } from "./prepare.js";

/** The location with the lowest average player latency among `locations` (ties: by name). */
export function bestLocation(match: MatchView, locations: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestAvg = Infinity;
  const players = match.teams.flatMap((t) => t.players);
  for (const loc of [...locations].sort()) {
    let sum = 0;
    let n = 0;
    for (const p of players) {
      const l = p.latencyInMs?.[loc];
      if (l !== undefined) {
        sum += l;
        n++;
      }
    }
    const avg = n === 0 ? Infinity : sum / n;
    if (best === undefined || avg < bestAvg) {
      best = loc;
      bestAvg = avg;
    }
  }
  return best;
}

/** Builds the ProposedMatch for a finished match. */
export function propose(
  ruleSet: RuleSet,
  match: MatchView,
  entries: readonly Entry[],
  locations: readonly string[] | undefined,
  metrics: ReadonlyMap<string, { passed: number; failed: number }>,
): ProposedMatch {
  // Age order (insertion sort: a match holds at most 200 tickets, usually a handful).
  const sorted: Entry[] = [];
  for (const e of entries) {
    let i = sorted.length;
    while (i > 0 && (sorted[i - 1] as Entry).order > e.order) i--;
    sorted.splice(i, 0, e);
  }
  const ticketIds = sorted.map((e) => e.ticket.ticketId);
  let reported = false;
  const teams = match.teams.map((t) => ({
    name: t.name,
    players: t.players.map((p) => {
      if (p.latencyInMs !== undefined) reported = true;
      return { playerId: p.playerId, ticketId: p.ticket.ticketId };
    }),
  }));
  const proposal: ProposedMatch = {
    ticketIds,
    teams,
    ruleEvaluationMetrics: ruleSet.rules.map((r) => ({
      ruleName: r.name,
      passedCount: metrics.get(r.name)?.passed ?? 0,
      failedCount: metrics.get(r.name)?.failed ?? 0,
    })),
  };
  // Only matches whose players reported latencies get a location.
  const location = reported ? bestLocation(match, locations ?? commonLocations(match)) : undefined;
  if (location !== undefined) proposal.location = location;
  return proposal;
}
