/** Turns an assembled match into the public ProposedMatch shape. */
import type { MatchView } from "../expressions/context.js";
import { commonLocations } from "../rules/latency.js";
import type { MatchTeam, ProposedMatch, RuleSet } from "../types.js";
import type { Entry } from "./prepare.js";
import type { RuleCounts } from "./RuleCounts.js";

/** The location with the lowest average player latency among `locations` (ties: by name). */
function bestLocation(match: MatchView, locations: readonly string[]): string | undefined {
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

// The proposal's objects are built by constructors, not literals, for the reason given in
// prepare.ts: a literal's allocation site gets pretenured once a call's proposals survive a scavenge.

/** A player of a {@link ProposedMatch} team. */
class ProposedPlayer {
  public constructor(
    public playerId: string,
    public ticketId: string,
  ) {}
}

/** A team of a {@link ProposedMatch}. */
class ProposedTeam implements MatchTeam {
  public constructor(
    public name: string,
    public players: { playerId: string; ticketId: string }[],
  ) {}
}

/**
 * A {@link ProposedMatch}. Fields are assigned in the constructor, `location` last, so that own
 * properties (and JSON) keep the order ticketIds, teams, ruleEvaluationMetrics, location whatever
 * the transpiler's class-field semantics; `location` stays undefined until a location is chosen.
 */
class Proposal implements ProposedMatch {
  public ticketIds: string[];
  public teams: MatchTeam[];
  public ruleEvaluationMetrics: ProposedMatch["ruleEvaluationMetrics"];
  public location: string | undefined;
  public constructor(
    ticketIds: string[],
    teams: MatchTeam[],
    ruleEvaluationMetrics: ProposedMatch["ruleEvaluationMetrics"],
  ) {
    this.ticketIds = ticketIds;
    this.teams = teams;
    this.ruleEvaluationMetrics = ruleEvaluationMetrics;
    this.location = undefined;
  }
}

/** Scratch for {@link propose}'s age sort (emptied after each use so that it holds no entry between calls). */
const byAge: Entry[] = [];

/** Builds the ProposedMatch for a finished match; `groups` hold its entries (a draft's members, say). */
export function propose(
  ruleSet: RuleSet,
  match: MatchView,
  groups: readonly (readonly Entry[])[],
  locations: readonly string[] | undefined,
  metrics: RuleCounts,
): ProposedMatch {
  // The tickets of every group, in age order (insertion sort: a match holds at most 200 tickets, usually a handful).
  const sorted = byAge;
  for (const g of groups) {
    for (const e of g) {
      let i = sorted.length;
      sorted.push(e);
      for (; i > 0 && (sorted[i - 1] as Entry).order > e.order; i--) sorted[i] = sorted[i - 1] as Entry;
      sorted[i] = e;
    }
  }
  const count = sorted.length;
  const ticketIds = new Array<string>(count);
  for (let i = 0; i < count; i++) ticketIds[i] = (sorted[i] as Entry).ticketId;
  while (sorted.length > 0) sorted.pop();
  let reported = false;
  const teams = new Array<ProposedMatch["teams"][number]>(match.teams.length);
  for (let t = 0; t < match.teams.length; t++) {
    const team = match.teams[t] as MatchView["teams"][number];
    const players = new Array<{ playerId: string; ticketId: string }>(team.players.length);
    for (let k = 0; k < team.players.length; k++) {
      const p = team.players[k] as MatchView["teams"][number]["players"][number];
      if (p.latencyInMs !== undefined) reported = true;
      players[k] = new ProposedPlayer(p.playerId, p.ticket.ticketId);
    }
    teams[t] = new ProposedTeam(team.name, players);
  }
  const proposal = new Proposal(ticketIds, teams, metrics.metrics(ruleSet));
  // Only matches whose players reported latencies get a location.
  const location = reported ? bestLocation(match, locations ?? commonLocations(match)) : undefined;
  if (location !== undefined) proposal.location = location;
  return proposal;
}
