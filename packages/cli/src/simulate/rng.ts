/**
 * Seeded randomness for simulations: every sampled value comes from here, so one seed gives one
 * run, byte for byte.
 */
import { seededRandom } from "@matchplace/gamelift-local/flexmatch";

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32, the emulator's own seeded generator (one implementation for both): plenty for sampling a population.
 * @example const random = seeded(42); random(); // 0.6011...
 */
export const seeded: (seed: number) => Random = seededRandom;

/** A derived, independent stream (for one purpose: arrivals, acceptance, session lengths...). */
export function fork(seed: number, stream: number): Random {
  return seeded((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream + 1, 0xc2b2ae35)) >>> 0);
}

/** A standard normal deviate (Box–Muller). */
export function normal(random: Random, mean: number, stddev: number): number {
  const u = 1 - random();
  const v = random();
  return mean + stddev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Picks an index with probability proportional to its weight (weights ≥ 0, at least one > 0). */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Predictable UUID-shaped ids (`00000000-0000-4000-8000-<counter>`) with a prefix word in the first group. */
export function sequentialIds(prefix: number): { uuid(): string } {
  let n = 0;
  const head = (prefix >>> 0).toString(16).padStart(8, "0");
  return {
    uuid() {
      n++;
      return `${head}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    },
  };
}
