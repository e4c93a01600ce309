/**
 * Checks a simulation report's matches with the FlexMatch engine's independent test oracle
 * (packages/gamelift-local/test/engines/flexmatch/oracle.ts), each match at the moment it formed, so the
 * expansions in force follow each ticket's age. Latency rules are checked here (the oracle wants
 * the proposal's location, which FlexMatch does not publish): some location must have every
 * ticket's party-average latency within the expanded maxLatency.
 */
import type { PoolTicket, ProposedMatch } from "@matchplace/gamelift-local/flexmatch";
import { violations, type RawRuleSet } from "../../../gamelift-local/test/engines/flexmatch/oracle.js";
import type { Arrival } from "../../src/simulate/arrivals.js";
import type { RunReport } from "../../src/simulate/report/summary.js";

const expanded = (rs: RawRuleSet, target: string, base: number, age: number): number => {
  let v = base;
  for (const s of rs.expansions?.find((e) => e.target === target)?.steps ?? [])
    if (s.waitTimeSeconds <= age) v = Number(s.value);
  return v;
};

/** Every rule violation in the run's matches (empty: every match satisfies its rule set). */
export function matchViolations(ruleSetBody: string, run: RunReport, arrivals: readonly Arrival[]): string[] {
  const raw = JSON.parse(ruleSetBody) as RawRuleSet;
  const latencyRules = raw.rules.filter((r) => r["type"] === "latency");
  const oracleRules: RawRuleSet = {
    ...raw,
    playerAttributes: raw.playerAttributes ?? [],
    rules: raw.rules.filter((r) => r["type"] !== "latency"),
  };
  const byTicket = new Map(arrivals.map((a) => [a.ticketId, a]));
  const problems: string[] = [];
  for (const m of run.matches) {
    const now = Math.round(m.formedAtSeconds * 1000);
    const pool: PoolTicket[] = m.tickets.map((t) => {
      const a = byTicket.get(t.ticketId);
      if (!a) throw new Error(`match ${m.matchId} names unknown ticket ${t.ticketId}`);
      return {
        ticketId: t.ticketId,
        startTime: now - Math.round(t.ageSeconds * 1000),
        players: a.players.map((p) => ({
          playerId: p.playerId,
          attributes: p.attributes,
          ...(p.latencyInMs ? { latencyInMs: p.latencyInMs } : {}),
        })),
      };
    });
    const ticketOf = new Map(pool.flatMap((t) => t.players.map((p) => [p.playerId, t.ticketId] as const)));
    const proposal: ProposedMatch = {
      ticketIds: pool.map((t) => t.ticketId),
      teams: m.matchmakerData.teams.map((team) => ({
        name: team.name,
        players: team.players.map((p) => ({ playerId: p.playerId, ticketId: ticketOf.get(p.playerId) ?? "?" })),
      })),
      ruleEvaluationMetrics: [],
    };
    problems.push(...violations(oracleRules, pool, [proposal], now));
    const ages = m.tickets.map((t) => t.ageSeconds);
    const age = raw.algorithm?.expansionAgeSelection === "oldest" ? Math.max(...ages) : Math.min(...ages);
    for (const rule of latencyRules) {
      const max = expanded(raw, `rules[${String(rule["name"])}].maxLatency`, Number(rule["maxLatency"]), age);
      const locations = new Set(pool.flatMap((t) => t.players.flatMap((p) => Object.keys(p.latencyInMs ?? {}))));
      const fits = [...locations].some((loc) =>
        pool.every(
          (t) => t.players.reduce((s, p) => s + (p.latencyInMs?.[loc] ?? Infinity), 0) / t.players.length <= max,
        ),
      );
      if (!fits)
        problems.push(
          `match ${m.matchId}: no location within ${max} ms for every ticket (rule ${String(rule["name"])})`,
        );
    }
  }
  return problems;
}
