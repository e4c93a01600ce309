import type { NumberDistribution, Population } from "../population/schema.js";

/** A number distribution with every value divided by `by` (rounding dropped: the values are seconds). */
function divided(d: NumberDistribution, by: number): NumberDistribution {
  switch (d.kind) {
    case "constant":
      return { kind: "constant", value: d.value / by };
    case "normal":
      return {
        kind: "normal",
        mean: d.mean / by,
        stddev: d.stddev / by,
        ...(d.min !== undefined ? { min: d.min / by } : {}),
        ...(d.max !== undefined ? { max: d.max / by } : {}),
      };
    case "uniform":
      return { kind: "uniform", min: d.min / by, max: d.max / by };
    case "list":
      return { kind: "list", values: d.values.map((v) => v / by) };
    case "categorical":
      return { kind: "categorical", values: d.values.map((v) => ({ value: v.value / by, weight: v.weight })) };
  }
}

/**
 * The population as `--live` runs it, on the stage's wall clock: its arrival window and its game
 * sessions' lengths divided by `timeScale` (so the fleet stays as busy as the population meant),
 * everything else as it is — the stage's timeouts and expansions, and the players' acceptance
 * delays, are real seconds. Both the engine-only twin and the live run use it, so they are the
 * same experiment. Arrivals keep their order and draws: same seed, same tickets and players.
 * @example compressedPopulation(population, 60).arrivals.durationSeconds // 3600 → 60
 */
export function compressedPopulation(population: Population, timeScale: number): Population {
  if (timeScale === 1) return population;
  return {
    ...population,
    arrivals: { ...population.arrivals, durationSeconds: population.arrivals.durationSeconds / timeScale },
    fleet: { ...population.fleet, gameSessionSeconds: divided(population.fleet.gameSessionSeconds, timeScale) },
  };
}
