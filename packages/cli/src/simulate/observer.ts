import type { RuleSet } from "@matchplace/gamelift-local/flexmatch";
import type { Arrival } from "./arrivals.js";
import { expansionAge, expansionStepsAt } from "@matchplace/gamelift-local/flexmatch";
import { matchmakerAttributes } from "./matchmakerData.js";
import type { RuleMetric, SimulatedMatch, TicketOutcome, TicketOutcomeStatus } from "./types.js";

/** The parts of a FlexMatch event `detail` the observer reads. */
export interface EventDetail {
  type: string;
  matchId?: string;
  acceptance?: string;
  acceptanceRequired?: boolean;
  tickets: { ticketId: string; startTime: string; players: { playerId: string; team?: string }[] }[];
  gameSessionInfo?: { gameSessionArn?: string };
  ruleEvaluationMetrics?: RuleMetric[];
}

interface Proposal {
  formedAtMs: number;
  tickets: { ticketId: string; ageSeconds: number }[];
  teams: Map<string, string[]>;
}

const endings: Readonly<Record<string, TicketOutcomeStatus>> = {
  MatchmakingTimedOut: "TIMED_OUT",
  MatchmakingCancelled: "CANCELLED",
  MatchmakingFailed: "FAILED",
};

/** The location of a game session ARN `...:gamesession/<fleetId>[/<location>]/<id>` (home Region when absent). */
function locationOf(arn: string | undefined, homeRegion: string): string | undefined {
  if (arn === undefined) return undefined;
  const parts = arn.split(":gamesession/")[1]?.split("/") ?? [];
  return parts.length === 3 ? parts[1] : homeRegion;
}

/**
 * Folds FlexMatch events (the same ones GameLift publishes to SNS) into ticket outcomes, matches
 * in MatchmakerData shape and summed rule metrics. Tickets it did not submit (auto-backfill) are
 * ignored.
 */
export class RunObserver {
  readonly #arrivals: ReadonlyMap<string, Arrival>;
  readonly #ruleSet: RuleSet;
  readonly #startMs: number;
  readonly #homeRegion: string;
  readonly #outcomes = new Map<string, TicketOutcome>();
  readonly #proposals = new Map<string, Proposal>();
  /**
   * MatchmakingSucceeded events seen before their PotentialMatchCreated (notifications may arrive out
   * of order): the match is completed when its proposal arrives.
   */
  readonly #earlyCompletions = new Map<string, { at: number; gameSessionArn: string | undefined }>();
  readonly #metrics: Map<string, RuleMetric>;
  readonly #matches: SimulatedMatch[] = [];
  #proposalCount = 0;
  #abandoned = 0;
  #finished = 0;

  public constructor(options: { arrivals: readonly Arrival[]; ruleSet: RuleSet; startMs: number; homeRegion: string }) {
    this.#arrivals = new Map(options.arrivals.map((a) => [a.ticketId, a]));
    this.#ruleSet = options.ruleSet;
    this.#startMs = options.startMs;
    this.#homeRegion = options.homeRegion;
    this.#metrics = new Map(
      options.ruleSet.rules.map((r) => [r.name, { ruleName: r.name, passedCount: 0, failedCount: 0 }]),
    );
  }

  /** Records that a ticket was submitted at `atMs` (from the start). */
  public submitted(ticketId: string, atMs: number): void {
    this.#outcomes.set(ticketId, { ticketId, status: "UNFINISHED", startMs: atMs });
  }

  /** Folds one event detail observed at epoch ms `nowMs`. */
  public onEvent(detail: EventDetail, nowMs: number): void {
    const at = nowMs - this.#startMs;
    if (detail.type === "PotentialMatchCreated" && detail.matchId !== undefined) {
      this.#proposalCount++;
      for (const m of detail.ruleEvaluationMetrics ?? []) {
        const sum = this.#metrics.get(m.ruleName);
        if (sum) {
          sum.passedCount += m.passedCount;
          sum.failedCount += m.failedCount;
        }
      }
      const teams = new Map<string, string[]>();
      for (const t of detail.tickets)
        for (const p of t.players) teams.set(p.team ?? "", [...(teams.get(p.team ?? "") ?? []), p.playerId]);
      this.#proposals.set(detail.matchId, {
        formedAtMs: at,
        tickets: detail.tickets.map((t) => ({
          ticketId: t.ticketId,
          ageSeconds: (nowMs - Date.parse(t.startTime)) / 1000,
        })),
        teams,
      });
      const early = this.#earlyCompletions.get(detail.matchId);
      if (early !== undefined) {
        this.#earlyCompletions.delete(detail.matchId);
        this.#complete(detail.matchId, early.at, early.gameSessionArn);
      }
      return;
    }
    if (detail.type === "AcceptMatchCompleted" && detail.acceptance !== "Accepted" && detail.matchId !== undefined) {
      this.#abandoned++;
      this.#proposals.delete(detail.matchId);
      return;
    }
    if (detail.type === "MatchmakingSucceeded") {
      for (const t of detail.tickets) this.#end(t.ticketId, "COMPLETED", at, detail.matchId);
      if (detail.matchId !== undefined) this.#complete(detail.matchId, at, detail.gameSessionInfo?.gameSessionArn);
      return;
    }
    const ending = endings[detail.type];
    if (ending !== undefined) for (const t of detail.tickets) this.#end(t.ticketId, ending, at);
  }

  #end(ticketId: string, status: TicketOutcomeStatus, at: number, matchId?: string): void {
    const outcome = this.#outcomes.get(ticketId);
    if (outcome?.status !== "UNFINISHED") return;
    outcome.status = status;
    outcome.endMs = at;
    if (matchId !== undefined) outcome.matchId = matchId;
    this.#finished++;
  }

  #complete(matchId: string, at: number, gameSessionArn: string | undefined): void {
    const proposal = this.#proposals.get(matchId);
    if (!proposal) {
      this.#earlyCompletions.set(matchId, { at, gameSessionArn });
      return;
    }
    this.#proposals.delete(matchId);
    const players = new Map<string, Arrival["players"][number]>();
    for (const t of proposal.tickets)
      for (const p of this.#arrivals.get(t.ticketId)?.players ?? []) players.set(p.playerId, p);
    const location = locationOf(gameSessionArn, this.#homeRegion);
    this.#matches.push({
      matchId,
      formedAtSeconds: proposal.formedAtMs / 1000,
      completedAtSeconds: at / 1000,
      ...(location !== undefined ? { location } : {}),
      tickets: proposal.tickets,
      expansionSteps: expansionStepsAt(
        this.#ruleSet,
        expansionAge(
          this.#ruleSet,
          proposal.tickets.map((t) => t.ageSeconds),
        ),
      ),
      matchmakerData: {
        matchId,
        teams: [...proposal.teams].map(([name, ids]) => ({
          name,
          players: ids.map((playerId) => ({
            playerId,
            attributes: matchmakerAttributes(this.#ruleSet, players.get(playerId)?.attributes ?? {}),
          })),
        })),
      },
    });
  }

  /** Tickets submitted and not yet ended. */
  public get open(): number {
    return this.#outcomes.size - this.#finished;
  }

  /** Tickets that reached an outcome. */
  public get finished(): number {
    return this.#finished;
  }

  /** Completed matches so far. */
  public get matchCount(): number {
    return this.#matches.length;
  }

  /** Matches whose MatchmakingSucceeded came before their PotentialMatchCreated, still waiting for it. */
  public get completionsAwaitingProposal(): number {
    return this.#earlyCompletions.size;
  }

  /** PotentialMatchCreated events seen. */
  public get proposals(): number {
    return this.#proposalCount;
  }

  /** Proposals that failed acceptance. */
  public get abandoned(): number {
    return this.#abandoned;
  }

  /** Outcomes in submission order. */
  public outcomes(): TicketOutcome[] {
    return [...this.#outcomes.values()];
  }

  /** Completed matches, in completion order. */
  public matches(): SimulatedMatch[] {
    return this.#matches;
  }

  /** Per-rule pass/fail counts summed over every proposal, in rule-set order. */
  public ruleMetrics(): RuleMetric[] {
    return [...this.#metrics.values()];
  }
}
