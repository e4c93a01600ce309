import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { generateArrivals, type Arrival } from "./arrivals.js";
import { simulateRun } from "./driver.js";
import type { Population } from "./population/schema.js";
import { skillAttributeOf, summarizeRun, type RunReport } from "./report/summary.js";
import type { RuleSetSource } from "./ruleSetSource.js";
import type { RunObservation, RunProgress } from "./types.js";

/** The JSON report of `matchplace simulate`: one run, or two with `--compare` (same population, same seed). */
export interface SimulationReport {
  schemaVersion: 1;
  seed: number;
  population: { source: string; description: string | null; players: number; tickets: number };
  runs: RunReport[];
}

/** Options of {@link runSimulation}. */
export interface RunSimulationOptions {
  ruleSets: readonly RuleSetSource[];
  population: Population;
  /** Where the population came from (a path, or `auto`). */
  populationSource: string;
  seed: number;
  /** Drives every run through the emulator (default) or something else with the same contract (`--live`). */
  runner?: (input: {
    source: RuleSetSource;
    population: Population;
    arrivals: readonly Arrival[];
    seed: number;
    signal?: AbortSignal;
    onProgress?: (p: RunProgress) => void;
  }) => Promise<RunObservation>;
  onProgress?: (run: number, progress: RunProgress) => void;
  signal?: AbortSignal;
}

/** The configuration a run used, as reported (population overrides over the infra configuration). */
function effectiveConfiguration(source: RuleSetSource, population: Population): Record<string, unknown> {
  const o = population.configuration;
  const c = source.configuration;
  const acceptanceTimeout = o.acceptanceTimeoutSeconds ?? c.AcceptanceTimeoutSeconds;
  return {
    requestTimeoutSeconds: o.requestTimeoutSeconds ?? c.RequestTimeoutSeconds,
    acceptanceRequired: o.acceptanceRequired ?? c.AcceptanceRequired,
    ...(acceptanceTimeout !== undefined ? { acceptanceTimeoutSeconds: acceptanceTimeout } : {}),
    additionalPlayerCount: o.additionalPlayerCount ?? c.AdditionalPlayerCount,
    backfillMode: o.backfillMode ?? c.BackfillMode,
    queueTimeoutSeconds: population.fleet.queueTimeoutSeconds,
    tickSeconds: population.tickSeconds,
  };
}

/**
 * Simulates the population against each rule set (the very same arrivals for each) and
 * summarises every run. Stops early, with partial runs marked `interrupted`, when `signal` aborts.
 * @example const { report } = await runSimulation({ ruleSets: [arena], population, populationSource: "auto", seed: 1 });
 */
export async function runSimulation(
  options: RunSimulationOptions,
): Promise<{ report: SimulationReport; arrivals: Arrival[] }> {
  const { population, seed } = options;
  const arrivals = generateArrivals(population, seed);
  const runner = options.runner ?? simulateRun;
  const runs: RunReport[] = [];
  for (const [i, source] of options.ruleSets.entries()) {
    if (options.signal?.aborted) break;
    const observation = await runner({
      source,
      population,
      arrivals,
      seed,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.onProgress?.(i, p),
    });
    const ruleSet = parseRuleSet(source.body);
    runs.push(
      summarizeRun({
        observation,
        arrivals,
        ruleSet,
        source: { name: source.name, path: source.path },
        configuration: observation.configuration ?? effectiveConfiguration(source, population),
        skillAttribute: skillAttributeOf(ruleSet, population.skillAttribute),
      }),
    );
    if (observation.live) (runs[runs.length - 1] as RunReport).live = observation.live;
  }
  return {
    report: {
      schemaVersion: 1,
      seed,
      population: {
        source: options.populationSource,
        description: population.description ?? null,
        players: arrivals.reduce((n, a) => n + a.players.length, 0),
        tickets: arrivals.length,
      },
      runs,
    },
    arrivals,
  };
}
