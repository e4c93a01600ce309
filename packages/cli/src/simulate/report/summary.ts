import type { RuleSet } from "@matchplace/gamelift-local/flexmatch";
import type { Arrival } from "../arrivals.js";
import type { AttributeValue } from "../population/sample.js";
import type { LiveRunInfo, RunObservation, SimulatedMatch, TicketOutcomeStatus } from "../types.js";
import { groupedStats, percentile, round, waitStats, type WaitStats } from "./stats.js";

/** The summary of one run: totals, rates, wait times, expansions, rule metrics and every match. */
export interface RunReport {
  ruleSet: { name: string; path: string };
  configuration: Record<string, unknown>;
  interrupted: boolean;
  simulatedSeconds: number;
  totals: {
    tickets: number;
    players: number;
    matches: number;
    proposals: number;
    proposalsAbandoned: number;
    outcomes: Record<TicketOutcomeStatus, number>;
    rates: { completion: number; timeout: number; cancel: number; failure: number };
  };
  /** Seconds from StartMatchmaking to COMPLETED, for completed tickets. */
  waitSeconds: {
    overall: WaitStats;
    byPartySize: Record<string, WaitStats>;
    byRegion: Record<string, WaitStats>;
    bySkillBand: Record<string, WaitStats>;
  };
  skill: { attribute: string | null; bands: string[] };
  /** Per expansion target: how many matches formed at each step (index 0 = base value). */
  expansions: { target: string; steps: { step: number; waitTimeSeconds: number; matches: number }[] }[];
  ruleEvaluationMetrics: { ruleName: string; passedCount: number; failedCount: number }[];
  /** Per simulated minute: tickets submitted, completed, timed out, cancelled, failed. */
  timeline: {
    minute: number;
    submitted: number;
    completed: number;
    timedOut: number;
    cancelled: number;
    failed: number;
  }[];
  matches: SimulatedMatch[];
  /** Present when the run went through a local stage (`--live`). */
  live?: LiveRunInfo;
}

/** The number attribute skill bands use: the population's choice, else one named like skill/mmr/rating/rank/elo. */
export function skillAttributeOf(ruleSet: RuleSet, preferred: string | undefined): string | undefined {
  const numbers = ruleSet.playerAttributes.filter((a) => a.type === "number").map((a) => a.name);
  if (preferred !== undefined) return numbers.includes(preferred) ? preferred : undefined;
  return numbers.find((n) => /skill|mmr|rating|rank|elo/i.test(n)) ?? numbers[0];
}

function partySkill(arrival: Arrival, attribute: string, ruleSet: RuleSet): number | undefined {
  const fallback = ruleSet.playerAttributes.find((a) => a.name === attribute)?.default?.N;
  const values = arrival.players.map(
    (p) => (p.attributes[attribute] as Partial<Extract<AttributeValue, { N: number }>> | undefined)?.N ?? fallback,
  );
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0) / known.length;
}

const rate = (n: number, of: number): number => (of === 0 ? 0 : round(n / of));

/**
 * Summarises one run. Everything is derived from the arrivals and the observation, never from the
 * wall clock, so the same seed gives byte-identical JSON.
 */
export function summarizeRun(input: {
  observation: RunObservation;
  arrivals: readonly Arrival[];
  ruleSet: RuleSet;
  source: { name: string; path: string };
  configuration: Record<string, unknown>;
  skillAttribute: string | undefined;
}): RunReport {
  const { observation, arrivals, ruleSet } = input;
  const byTicket = new Map(arrivals.map((a) => [a.ticketId, a]));
  const outcomes: Record<TicketOutcomeStatus, number> = {
    COMPLETED: 0,
    TIMED_OUT: 0,
    CANCELLED: 0,
    FAILED: 0,
    UNFINISHED: 0,
  };
  for (const o of observation.outcomes) outcomes[o.status]++;
  const tickets = observation.outcomes.length;
  const players = observation.outcomes.reduce((n, o) => n + (byTicket.get(o.ticketId)?.players.length ?? 0), 0);

  const skill = input.skillAttribute;
  const skills = new Map<string, number>();
  if (skill !== undefined) {
    for (const a of arrivals) {
      const s = partySkill(a, skill, ruleSet);
      if (s !== undefined) skills.set(a.ticketId, s);
    }
  }
  const sortedSkills = [...skills.values()].sort((a, b) => a - b);
  const cuts = [25, 50, 75].map((p) => percentile(sortedSkills, p) ?? 0);
  const bands = sortedSkills.length === 0 ? [] : [0, 1, 2, 3].map((i) => `Q${i + 1}`);
  const bandOf = (ticketId: string): string => {
    const s = skills.get(ticketId);
    if (s === undefined) return "unknown";
    const i = cuts.findIndex((c) => s <= c);
    return `Q${i === -1 ? 4 : i + 1}`;
  };

  const completed = observation.outcomes.filter((o) => o.status === "COMPLETED" && o.endMs !== undefined);
  const wait = (o: (typeof completed)[number]): number => ((o.endMs ?? o.startMs) - o.startMs) / 1000;

  const expansions = ruleSet.expansions.map((e) => ({
    target: e.target,
    steps: [{ waitTimeSeconds: 0 }, ...e.steps].map((s, step) => ({
      step,
      waitTimeSeconds: s.waitTimeSeconds,
      matches: observation.matches.filter((m) => m.expansionSteps[e.target] === step).length,
    })),
  }));

  const minutes = new Map<number, RunReport["timeline"][number]>();
  const bucket = (ms: number): RunReport["timeline"][number] => {
    const minute = Math.floor(ms / 60_000);
    let b = minutes.get(minute);
    if (!b) minutes.set(minute, (b = { minute, submitted: 0, completed: 0, timedOut: 0, cancelled: 0, failed: 0 }));
    return b;
  };
  for (const o of observation.outcomes) {
    bucket(o.startMs).submitted++;
    if (o.endMs === undefined) continue;
    const b = bucket(o.endMs);
    if (o.status === "COMPLETED") b.completed++;
    else if (o.status === "TIMED_OUT") b.timedOut++;
    else if (o.status === "CANCELLED") b.cancelled++;
    else if (o.status === "FAILED") b.failed++;
  }

  return {
    ruleSet: input.source,
    configuration: input.configuration,
    interrupted: observation.interrupted,
    simulatedSeconds: round(observation.simulatedSeconds),
    totals: {
      tickets,
      players,
      matches: observation.matches.length,
      proposals: observation.proposals,
      proposalsAbandoned: observation.proposalsAbandoned,
      outcomes,
      rates: {
        completion: rate(outcomes.COMPLETED, tickets),
        timeout: rate(outcomes.TIMED_OUT, tickets),
        cancel: rate(outcomes.CANCELLED, tickets),
        failure: rate(outcomes.FAILED, tickets),
      },
    },
    waitSeconds: {
      overall: waitStats(completed.map(wait)),
      byPartySize: groupedStats(completed, (o) => String(byTicket.get(o.ticketId)?.players.length ?? 0), wait),
      byRegion: groupedStats(completed, (o) => byTicket.get(o.ticketId)?.region || "(none)", wait),
      bySkillBand: skill === undefined ? {} : groupedStats(completed, (o) => bandOf(o.ticketId), wait),
    },
    skill: {
      attribute: skill ?? null,
      bands: bands.map(
        (b, i) => `${b} ≤ ${i < 3 ? round(cuts[i] ?? 0) : round(sortedSkills[sortedSkills.length - 1] ?? 0)}`,
      ),
    },
    expansions,
    ruleEvaluationMetrics: observation.ruleMetrics,
    timeline: [...minutes.values()].sort((a, b) => a.minute - b.minute),
    matches: observation.matches,
  };
}
