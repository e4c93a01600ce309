import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { flagOption, integerOption, requiredOption, stringOption, type OptionValues } from "../args.js";
import { InterruptedError, RefusedError, UsageError } from "../errors.js";
import { renderTable } from "../table.js";
import type { CommandContext } from "../types.js";
import { autoPopulation } from "../simulate/population/auto.js";
import { loadPopulation, PopulationError } from "../simulate/population/load.js";
import type { Population } from "../simulate/population/schema.js";
import { createSimulationProgress } from "../simulate/progress.js";
import { compressedPopulation } from "../simulate/live/compress.js";
import { createLiveRunner, ignoredSettings } from "../simulate/live/liveRun.js";
import { checkStage, readLiveStage, stageGameLift, type StageConfiguration } from "../simulate/live/stage.js";
import { renderHtml } from "../simulate/report/html.js";
import { resolveRuleSet, type RuleSetSource } from "../simulate/ruleSetSource.js";
import { runSimulation, type SimulationReport } from "../simulate/simulation.js";

async function populationFor(
  spec: string,
  source: RuleSetSource,
  cwd: string,
  players: number | undefined,
): Promise<Population> {
  try {
    // auto: the arrival window scales with the players asked for (10 a second); a file keeps its own.
    if (spec === "auto")
      return autoPopulation(parseRuleSet(source.body), JSON.parse(source.body) as { rules?: [] }, players);
    const population = await loadPopulation(resolve(cwd, spec));
    return players === undefined ? population : { ...population, players };
  } catch (err) {
    if (err instanceof PopulationError) throw new RefusedError(err.message, { cause: err });
    throw err;
  }
}

const cell = (v: number | null): string => (v === null ? "-" : v.toFixed(1));

/** The human summary: one row per run. */
function summaryText(report: SimulationReport): string {
  const rows = report.runs.map((r) => ({
    ruleSet: r.ruleSet.name + (r.live ? " (live)" : "") + (r.interrupted ? " (partial)" : ""),
    tickets: String(r.totals.tickets),
    matches: String(r.totals.matches),
    completed: `${(r.totals.rates.completion * 100).toFixed(1)}%`,
    timedOut: `${(r.totals.rates.timeout * 100).toFixed(1)}%`,
    cancelled: `${(r.totals.rates.cancel * 100).toFixed(1)}%`,
    p50: cell(r.waitSeconds.overall.p50),
    p90: cell(r.waitSeconds.overall.p90),
    p99: cell(r.waitSeconds.overall.p99),
  }));
  const head = `population ${report.population.source}: ${report.population.players} players in ${report.population.tickets} tickets, seed ${report.seed}\n`;
  return `${head}${renderTable(rows, [
    { header: "RULE SET", cell: (r) => r.ruleSet },
    { header: "TICKETS", cell: (r) => r.tickets },
    { header: "MATCHES", cell: (r) => r.matches },
    { header: "COMPLETED", cell: (r) => r.completed },
    { header: "TIMED OUT", cell: (r) => r.timedOut },
    { header: "CANCELLED", cell: (r) => r.cancelled },
    { header: "WAIT P50 S", cell: (r) => r.p50 },
    { header: "P90", cell: (r) => r.p90 },
    { header: "P99", cell: (r) => r.p99 },
  ])}`;
}

/**
 * `simulate --rule-set <file|name> [--population <file|auto>] [--seed N] [--players N] [--json <file|->]
 * [--html <file>] [--compare <rule set>]`: a population through FlexMatch on virtual time,
 * summarised as JSON and HTML. `--live [--stage <file>] [--rate N] [--concurrency N] [--time-scale X]`
 * drives the same population through the running local stage as real clients instead.
 * Ctrl-C stops after the current tick and still writes the (partial) report, then exits 130.
 */
export async function simulate(
  ctx: CommandContext,
  positionals: readonly string[],
  values: OptionValues,
): Promise<void> {
  if (positionals.length > 0) throw new UsageError(`simulate takes no arguments, got "${positionals.join(" ")}"`);
  const { io } = ctx;
  const seed = integerOption(values, "seed", 1, 0, 2 ** 32 - 1);
  const players =
    stringOption(values, "players") === undefined ? undefined : integerOption(values, "players", 1, 1, 10_000_000);
  const jsonOut = stringOption(values, "json");
  const htmlOut = stringOption(values, "html");
  const populationSpec = stringOption(values, "population") ?? "auto";
  const main = resolveRuleSet(requiredOption(values, "rule-set"), io.cwd);
  const compare = stringOption(values, "compare");
  const sources = compare === undefined ? [main] : [main, resolveRuleSet(compare, io.cwd)];
  const population = await populationFor(populationSpec, main, io.cwd, players);
  const live = flagOption(values, "live");
  for (const name of ["stage", "rate", "concurrency", "time-scale"]) {
    if (!live && values[name] !== undefined) throw new UsageError(`--${name} goes with --live`);
  }
  let liveRunner: Parameters<typeof runSimulation>[0]["runner"];
  let simulated = population;
  if (live) {
    if (compare !== undefined)
      throw new UsageError("--live runs the one configuration the stage has; --compare is for engine-only runs");
    const rawScale = stringOption(values, "time-scale");
    const timeScale = rawScale === undefined ? Math.max(1, population.arrivals.durationSeconds / 60) : Number(rawScale);
    if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 100_000)
      throw new UsageError(`--time-scale must be a number above 0 (at most 100000), got "${rawScale}"`);
    const ratePerSecond = integerOption(values, "rate", 20, 1, 1000);
    const concurrency = integerOption(values, "concurrency", 8, 1, 256);
    const stage = readLiveStage(stringOption(values, "stage"), io.cwd, io.env);
    const gl = stageGameLift(stage);
    let configuration: StageConfiguration;
    try {
      configuration = await checkStage(stage, main, gl);
    } finally {
      gl.destroy();
    }
    for (const line of ignoredSettings(population, configuration)) io.stderr.write(`live: ${line}\n`);
    // Both runs take the population on the stage's wall clock (arrivals squeezed by the time scale) and the
    // stage's configuration, so the engine-only twin and the live run differ only by path.
    simulated = {
      ...compressedPopulation(population, timeScale),
      configuration: {
        ...population.configuration,
        requestTimeoutSeconds: configuration.requestTimeoutSeconds,
        acceptanceRequired: configuration.acceptanceRequired,
        additionalPlayerCount: configuration.additionalPlayerCount,
        backfillMode: configuration.backfillMode === "AUTOMATIC" ? "AUTOMATIC" : "MANUAL",
        ...(configuration.acceptanceTimeoutSeconds !== undefined
          ? { acceptanceTimeoutSeconds: configuration.acceptanceTimeoutSeconds }
          : {}),
      },
    };
    liveRunner = createLiveRunner({ stage, ratePerSecond, concurrency, timeScale });
  }

  const release = io.interrupt?.hold();
  const progress = createSimulationProgress(io.stderr, sources.length + (liveRunner ? 1 : 0));
  let result: Awaited<ReturnType<typeof runSimulation>>;
  try {
    const options = {
      ruleSets: sources,
      population: simulated,
      populationSource: populationSpec,
      seed,
      ...(io.interrupt ? { signal: io.interrupt.signal } : {}),
    };
    result = await runSimulation({ ...options, onProgress: (run, p) => progress.update(run, p) });
    if (liveRunner && !io.interrupt?.signal.aborted) {
      // --live: the engine-only run above, then the very same arrivals through the stage, side by side.
      const liveResult = await runSimulation({
        ...options,
        runner: liveRunner,
        onProgress: (run, p) => progress.update(sources.length + run, p),
      });
      result = { ...result, report: { ...result.report, runs: [...result.report.runs, ...liveResult.report.runs] } };
    }
  } finally {
    progress.finish();
    release?.();
  }
  const { report, arrivals } = result;
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (jsonOut === "-") io.stdout.write(text);
  else if (jsonOut !== undefined) await writeFile(resolve(io.cwd, jsonOut), text);
  if (htmlOut !== undefined) await writeFile(resolve(io.cwd, htmlOut), renderHtml(report, arrivals));
  if (jsonOut !== "-") io.stdout.write(summaryText(report));
  if (jsonOut !== undefined && jsonOut !== "-") io.stderr.write(`JSON report: ${resolve(io.cwd, jsonOut)}\n`);
  if (htmlOut !== undefined) io.stderr.write(`HTML report: ${resolve(io.cwd, htmlOut)}\n`);
  if (report.runs.some((r) => r.interrupted) || report.runs.length < sources.length + (liveRunner ? 1 : 0)) {
    throw new InterruptedError("interrupted: the report above is partial (tickets still open are counted UNFINISHED)");
  }
}
