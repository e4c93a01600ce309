/** Shapes shared by the simulation driver, the live driver and the report. */

/** How a ticket ended (`UNFINISHED`: still open when the run stopped). */
export type TicketOutcomeStatus = "COMPLETED" | "TIMED_OUT" | "CANCELLED" | "FAILED" | "UNFINISHED";

/** A ticket's fate, as observed from FlexMatch events (or ticket polling, live). */
export interface TicketOutcome {
  ticketId: string;
  status: TicketOutcomeStatus;
  /** Milliseconds from the run's start. */
  startMs: number;
  endMs?: number;
  matchId?: string;
}

/** A player's attribute in MatchmakerData's wire form. */
export interface MatchmakerAttribute {
  attributeType: "STRING" | "DOUBLE" | "STRING_LIST" | "STRING_DOUBLE_MAP";
  valueAttribute: string | number | string[] | Record<string, number>;
}

/** A completed match, as a game server would receive it, plus when and how it formed. */
export interface SimulatedMatch {
  matchId: string;
  /** Seconds from the run's start when FlexMatch proposed it (PotentialMatchCreated). */
  formedAtSeconds: number;
  /** Seconds from the run's start when its tickets COMPLETED. */
  completedAtSeconds: number;
  /** The fleet location it was placed in, when known. */
  location?: string;
  /** Each ticket with its age (seconds) when the match formed — what expansions are keyed on. */
  tickets: { ticketId: string; ageSeconds: number }[];
  /** Per expansion target, the step in force (0 = base value, i = i-th step reached). */
  expansionSteps: Record<string, number>;
  matchmakerData: {
    matchId: string;
    teams: { name: string; players: { playerId: string; attributes: Record<string, MatchmakerAttribute> }[] }[];
  };
}

/** Summed per-rule pass/fail counts over every proposal (FlexMatch's ruleEvaluationMetrics). */
export interface RuleMetric {
  ruleName: string;
  passedCount: number;
  failedCount: number;
}

/** What one run of a rule set over the population produced (before summarising). */
export interface RunObservation {
  outcomes: TicketOutcome[];
  matches: SimulatedMatch[];
  ruleMetrics: RuleMetric[];
  proposals: number;
  /** Proposals dropped because a player rejected or did not answer. */
  proposalsAbandoned: number;
  simulatedSeconds: number;
  interrupted: boolean;
  /** The configuration the run really used, when the runner knows it better than the population (`--live`: the stage's). */
  configuration?: Record<string, unknown>;
  /** Set by the `--live` runner: how the run went through the stage. */
  live?: LiveRunInfo;
}

/** How a `--live` run went through the local stage (the report's `live` block). */
export interface LiveRunInfo {
  stage: { api: string; websocket: string | null; configuration: string; ruleSet: string };
  /** Simulated seconds per wall second the arrival schedule was compressed by. */
  timeScale: number;
  ratePerSecond: number;
  concurrency: number;
  /** Requests made to the stage, the most in flight at once, the most started in one second. */
  requests: { requests: number; peakInFlight: number; peakPerSecond: number };
  wallSeconds: number;
  /** How each ticket's final status reached its leader's client. */
  heardBy: { push: number; resync: number; poll: number };
  /** Seconds from GameLift's MatchmakingSucceeded to the leader's client hearing COMPLETED. */
  heardAfterMatchSeconds: {
    count: number;
    mean: number | null;
    p50: number | null;
    p90: number | null;
    p99: number | null;
    max: number | null;
  };
  acceptanceAnswers: number;
  gameSessionsEnded: number;
  /** Tickets that ended (by GameLift's events) before Ctrl-C but whose clients were stopped before hearing it. */
  endedUnheard: number;
  /** Whether players' `skill` was seeded as a rating on the stage (the API derives skill from ratings). */
  skillSeeded: boolean;
  /** Matched players whose skill in GameLift differs from the population's (rounded) value. */
  skillMismatches: number;
  /** Tickets whose client-heard outcome differs from GameLift's events. */
  eventOutcomeDisagreements: number;
  matchesFrom: string;
  matchAttributesFromDescribeMatchmaking: number;
  clientErrors: number;
  firstClientError?: string;
}

/** Progress of a run, for the progress bar. */
export interface RunProgress {
  submittedPlayers: number;
  totalPlayers: number;
  finishedTickets: number;
  totalTickets: number;
  matches: number;
  simulatedSeconds: number;
}
