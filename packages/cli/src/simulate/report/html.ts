import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Arrival } from "../arrivals.js";
import type { SimulationReport } from "../simulation.js";
import { chartsOf, type Chart } from "./charts.js";
import type { RunReport } from "./summary.js";

const require = createRequire(import.meta.url);

/** uPlot's browser build and stylesheet, read from node_modules when a report is written (never a CDN). */
function uplotAssets(): { js: string; css: string } {
  return {
    js: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
    css: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** JSON safe inside a `<script>` element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");

const fmt = (v: number | null): string => (v === null ? "–" : String(v));

function summaryTable(run: RunReport): string {
  const t = run.totals;
  const w = run.waitSeconds.overall;
  const rows: [string, string][] = [
    ["rule set", run.ruleSet.name],
    ...(run.live
      ? ([
          [
            "path",
            `live: real clients on the local stage ${run.live.stage.api} (configuration ${run.live.stage.configuration})`,
          ],
          [
            "time scale / rate cap",
            `×${run.live.timeScale} / ${run.live.ratePerSecond} requests/s (peak ${run.live.requests.peakPerSecond}/s, ${run.live.requests.requests} requests)`,
          ],
          [
            "heard by push / resync / poll",
            `${run.live.heardBy.push} / ${run.live.heardBy.resync} / ${run.live.heardBy.poll}`,
          ],
          [
            "heard after the match p50 / p90 / max (s)",
            `${fmt(run.live.heardAfterMatchSeconds.p50)} / ${fmt(run.live.heardAfterMatchSeconds.p90)} / ${fmt(run.live.heardAfterMatchSeconds.max)}`,
          ],
        ] as [string, string][])
      : []),
    ["tickets / players", `${t.tickets} / ${t.players}`],
    ["matches (proposals, abandoned)", `${t.matches} (${t.proposals}, ${t.proposalsAbandoned})`],
    [
      "completed / timed out / cancelled / failed / unfinished",
      `${t.outcomes.COMPLETED} / ${t.outcomes.TIMED_OUT} / ${t.outcomes.CANCELLED} / ${t.outcomes.FAILED} / ${t.outcomes.UNFINISHED}`,
    ],
    ["completion rate", `${(t.rates.completion * 100).toFixed(1)} %`],
    ["wait p50 / p90 / p99 (s)", `${fmt(w.p50)} / ${fmt(w.p90)} / ${fmt(w.p99)}`],
    [
      run.live ? "wall time (s)" : "simulated time (s)",
      `${run.simulatedSeconds}${run.interrupted ? " (interrupted: partial)" : ""}`,
    ],
  ];
  return `<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table>`;
}

const script = `
const data = JSON.parse(document.getElementById("report-data").textContent);
const palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
for (const [runIndex, charts] of data.entries()) {
  for (const [chartIndex, c] of charts.entries()) {
    const el = document.getElementById("chart-" + runIndex + "-" + chartIndex);
    const bars = c.kind === "bars";
    const opts = {
      title: c.title, width: Math.max(320, el.clientWidth || 560), height: 260,
      scales: { x: { time: false } },
      axes: [
        { label: c.xLabel, values: c.xLabels ? (u, vals) => vals.map((v) => (Number.isInteger(v) && c.xLabels[v] !== undefined ? c.xLabels[v] : "")) : undefined },
        { label: c.yLabel },
      ],
      series: [{}].concat(c.series.map((s, i) => ({
        label: s.label, stroke: palette[i % palette.length], fill: bars ? palette[i % palette.length] + "99" : undefined,
        paths: bars ? uPlot.paths.bars({ size: [0.8 / c.series.length], align: 0, gap: 1 }) : undefined,
        points: { show: false },
      }))),
    };
    new uPlot(opts, [c.x].concat(c.series.map((s) => s.values)), el);
  }
}`;

/**
 * The report as one self-contained HTML page: summary tables and uPlot charts (uPlot inlined from
 * node_modules), the runs side by side when comparing. Opens offline.
 * @example writeFileSync("report.html", renderHtml(report, arrivals));
 */
export function renderHtml(report: SimulationReport, arrivals: readonly Arrival[]): string {
  const { js, css } = uplotAssets();
  const charts: Chart[][] = report.runs.map((run) => chartsOf(run, arrivals));
  const columns = report.runs
    .map(
      (run, r) =>
        `<section class="run"><h2>${escapeHtml(run.ruleSet.name + (run.live ? " (live)" : ""))}</h2>${summaryTable(run)}${(
          charts[r] ?? []
        )
          .map((_, c) => `<div class="chart" id="chart-${r}-${c}"></div>`)
          .join("")}</section>`,
    )
    .join("");
  const title = `matchplace simulate — ${report.runs.map((r) => r.ruleSet.name + (r.live ? " (live)" : "")).join(" vs ")}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${css}
body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #222; }
.runs { display: grid; grid-template-columns: repeat(${report.runs.length}, minmax(0, 1fr)); gap: 1.5rem; }
table { border-collapse: collapse; margin-bottom: 1rem; } th, td { text-align: left; padding: 2px 8px; border-bottom: 1px solid #eee; }
.chart { margin-bottom: 1.5rem; }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>Population: ${escapeHtml(report.population.source)} — ${report.population.players} players in ${report.population.tickets} tickets, seed ${report.seed}.
${escapeHtml(report.population.description ?? "")}</p>
<div class="runs">${columns}</div>
<script id="report-data" type="application/json">${scriptJson(charts)}</script>
<script>${js}</script>
<script>${script}</script>
</body></html>
`;
}
