import { normal, weightedIndex, type Random } from "../rng.js";
import type { AttributeSpec, NumberDistribution } from "./schema.js";

/** A player attribute in GameLift's request shape: exactly one of S, N, SL, SDM. */
export type AttributeValue = { S: string } | { N: number } | { SL: string[] } | { SDM: Record<string, number> };

type Choice<T> =
  | { kind: "constant"; value: T }
  | { kind: "list"; values: T[] }
  | { kind: "categorical"; values: { value: T; weight: number }[] };

function pick<T>(random: Random, d: Choice<T>): T {
  switch (d.kind) {
    case "constant":
      return d.value;
    case "list":
      return d.values[Math.floor(random() * d.values.length)] as T;
    case "categorical":
      return (
        d.values[
          weightedIndex(
            random,
            d.values.map((v) => v.weight),
          )
        ] as { value: T }
      ).value;
  }
}

/** One draw from a number distribution. */
export function sampleNumber(random: Random, d: NumberDistribution): number {
  switch (d.kind) {
    case "normal": {
      let v = normal(random, d.mean, d.stddev);
      if (d.min !== undefined) v = Math.max(d.min, v);
      if (d.max !== undefined) v = Math.min(d.max, v);
      return d.round ? Math.round(v) : v;
    }
    case "uniform": {
      const v = d.min + random() * (d.max - d.min);
      return d.round ? Math.round(v) : v;
    }
    default:
      return pick(random, d);
  }
}

/**
 * One attribute value for one player, or `undefined` when the spec omits it this time (so the
 * rule set's default applies).
 */
export function sampleAttribute(random: Random, spec: AttributeSpec): AttributeValue | undefined {
  if (spec.omitProbability !== undefined && random() < spec.omitProbability) return undefined;
  switch (spec.type) {
    case "number":
      return { N: sampleNumber(random, spec.distribution) };
    case "string":
      return { S: pick(random, spec.distribution) };
    case "string_list": {
      const d = spec.distribution;
      if (d.kind === "subset")
        return { SL: d.items.filter((item) => random() < item.probability).map((item) => item.value) };
      return { SL: [...pick(random, d)] };
    }
    case "string_number_map": {
      const d = spec.distribution;
      if (d.kind === "map") {
        const out: Record<string, number> = {};
        for (const [key, value] of Object.entries(d.entries)) out[key] = sampleNumber(random, value);
        return { SDM: out };
      }
      return { SDM: { ...pick(random, d) } };
    }
  }
}
