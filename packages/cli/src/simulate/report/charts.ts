import type { Arrival } from "../arrivals.js";
import type { SimulatedMatch } from "../types.js";
import type { RunReport } from "./summary.js";

/** One plot, ready for uPlot: a shared x axis and one or more series. */
export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  kind: "line" | "bars";
  x: number[];
  /** For categorical x (bars): the label of each x value. */
  xLabels?: string[];
  series: { label: string; values: (number | null)[] }[];
}

const cdfPoints = 60;

function push(groups: Map<string, number[]>, key: string, value: number): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** Wait-time CDFs (share of completed tickets matched within x seconds), one series per group. */
function cdfChart(title: string, groups: Map<string, number[]>): Chart {
  const max = Math.max(1, ...[...groups.values()].flat());
  const x = Array.from({ length: cdfPoints + 1 }, (_, i) => Math.round(((max * i) / cdfPoints) * 1000) / 1000);
  const series = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([label, waits]) => {
      const sorted = [...waits].sort((a, b) => a - b);
      let j = 0;
      const values = x.map((limit) => {
        while (j < sorted.length && (sorted[j] ?? 0) <= limit) j++;
        return sorted.length === 0 ? null : Math.round((j / sorted.length) * 10_000) / 10_000;
      });
      return { label, values };
    });
  return { title, xLabel: "wait (s)", yLabel: "share of completed tickets", kind: "line", x, series };
}

/** A histogram of values in `bins` equal bins. */
function histogram(title: string, xLabel: string, values: readonly number[], bins = 30): Chart {
  const max = Math.max(0, ...values);
  const width = max === 0 ? 1 : max / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const i = Math.min(bins - 1, Math.floor(v / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const x = counts.map((_, i) => Math.round((i + 0.5) * width * 1000) / 1000);
  return { title, xLabel, yLabel: "matches", kind: "bars", x, series: [{ label: "matches", values: counts }] };
}

const numberOf = (attrs: Record<string, { valueAttribute: unknown }>, name: string): number | undefined => {
  const v = attrs[name]?.valueAttribute;
  return typeof v === "number" ? v : undefined;
};

/** Per match: spread of team average skill (max − min) and of player skill. */
function skillSpreads(matches: readonly SimulatedMatch[], attribute: string): { balance: number[]; spread: number[] } {
  const balance: number[] = [];
  const spread: number[] = [];
  for (const m of matches) {
    const teams = m.matchmakerData.teams.map((t) =>
      t.players.map((p) => numberOf(p.attributes, attribute)).filter((v): v is number => v !== undefined),
    );
    const all = teams.flat();
    if (all.length === 0) continue;
    spread.push(Math.max(...all) - Math.min(...all));
    const averages = teams.filter((t) => t.length > 0).map((t) => t.reduce((a, b) => a + b, 0) / t.length);
    if (averages.length > 1) balance.push(Math.max(...averages) - Math.min(...averages));
  }
  return { balance, spread };
}

/**
 * The plots of one run: wait-time CDFs by party size and by region, team-balance and
 * skill-spread histograms, outcomes over time, expansion steps reached, rule pass/fail counts.
 */
export function chartsOf(run: RunReport, arrivals: readonly Arrival[]): Chart[] {
  const byTicket = new Map(arrivals.map((a) => [a.ticketId, a]));
  const byParty = new Map<string, number[]>();
  const byRegion = new Map<string, number[]>();
  for (const m of run.matches) {
    for (const t of m.tickets) {
      const a = byTicket.get(t.ticketId);
      if (!a) continue;
      const wait = m.completedAtSeconds - a.atMs / 1000;
      const party = `party of ${a.players.length}`;
      push(byParty, party, wait);
      push(byRegion, a.region || "(no region)", wait);
    }
  }
  const charts: Chart[] = [
    cdfChart("Wait-time CDF by party size", byParty),
    cdfChart("Wait-time CDF by region", byRegion),
  ];
  const skill = run.skill.attribute;
  if (skill !== null) {
    const { balance, spread } = skillSpreads(run.matches, skill);
    charts.push(histogram(`Team balance: spread of team average ${skill}`, `max − min team average ${skill}`, balance));
    charts.push(histogram(`Skill spread: max − min ${skill} in a match`, `${skill} spread`, spread));
  }
  const minutes = run.timeline.map((b) => b.minute);
  charts.push({
    title: "Outcomes over time",
    xLabel: "simulated minute",
    yLabel: "tickets per minute",
    kind: "line",
    x: minutes,
    series: [
      { label: "submitted", values: run.timeline.map((b) => b.submitted) },
      { label: "completed", values: run.timeline.map((b) => b.completed) },
      { label: "timed out", values: run.timeline.map((b) => b.timedOut) },
      { label: "cancelled", values: run.timeline.map((b) => b.cancelled) },
    ],
  });
  const steps = run.expansions.flatMap((e) =>
    e.steps.map((s) => ({ label: `${e.target} step ${s.step} (≥${s.waitTimeSeconds}s)`, matches: s.matches })),
  );
  if (steps.length > 0) {
    charts.push({
      title: "Expansion step in force when matches formed",
      xLabel: "",
      yLabel: "matches",
      kind: "bars",
      x: steps.map((_, i) => i),
      xLabels: steps.map((s) => s.label),
      series: [{ label: "matches", values: steps.map((s) => s.matches) }],
    });
  }
  if (run.ruleEvaluationMetrics.length > 0) {
    charts.push({
      title: "Rule evaluations (ruleEvaluationMetrics, summed over proposals)",
      xLabel: "",
      yLabel: "evaluations",
      kind: "bars",
      x: run.ruleEvaluationMetrics.map((_, i) => i),
      xLabels: run.ruleEvaluationMetrics.map((r) => r.ruleName),
      series: [
        { label: "passed", values: run.ruleEvaluationMetrics.map((r) => r.passedCount) },
        { label: "failed", values: run.ruleEvaluationMetrics.map((r) => r.failedCount) },
      ],
    });
  }
  return charts;
}
