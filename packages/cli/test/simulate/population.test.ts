import { describe, expect, it } from "vitest";
import { generateArrivals } from "../../src/simulate/arrivals.js";
import { parsePopulation } from "../../src/simulate/population/load.js";
import { sampleAttribute } from "../../src/simulate/population/sample.js";
import type { AttributeSpec } from "../../src/simulate/population/schema.js";
import { seeded } from "../../src/simulate/rng.js";

const draw = (spec: unknown, n = 2000) => {
  const parsed = parsePopulation({
    players: 1,
    arrivals: { kind: "constant", durationSeconds: 1 },
    attributes: { a: spec },
  }).attributes["a"] as AttributeSpec;
  const random = seeded(1);
  return Array.from({ length: n }, () => sampleAttribute(random, parsed));
};

describe("attribute sampling", () => {
  it("draws numbers from a clamped, rounded normal", () => {
    const values = draw({
      type: "number",
      distribution: { kind: "normal", mean: 100, stddev: 50, min: 0, max: 150, round: true },
    }).map((v) => (v as { N: number }).N);

    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(150);
    expect(values.every(Number.isInteger)).toBe(true);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeGreaterThan(85);
  });

  it("draws strings by weight", () => {
    const values = draw({
      type: "string",
      distribution: {
        kind: "categorical",
        values: [
          { value: "x", weight: 3 },
          { value: "y", weight: 1 },
        ],
      },
    });
    const share = values.filter((v) => (v as { S: string }).S === "x").length / values.length;

    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });

  it("draws string lists item by item with subset", () => {
    const values = draw({
      type: "string_list",
      distribution: {
        kind: "subset",
        items: [
          { value: "a", probability: 1 },
          { value: "b", probability: 0 },
        ],
      },
    });

    expect(values.every((v) => JSON.stringify(v) === '{"SL":["a"]}')).toBe(true);
  });

  it("draws each key of a string_number_map from its own distribution", () => {
    const [value] = draw(
      {
        type: "string_number_map",
        distribution: {
          kind: "map",
          entries: { fire: { kind: "constant", value: 3 }, ice: { kind: "uniform", min: 5, max: 6 } },
        },
      },
      1,
    );

    expect((value as { SDM: Record<string, number> }).SDM["fire"]).toBe(3);
    expect((value as { SDM: Record<string, number> }).SDM["ice"]).toBeGreaterThanOrEqual(5);
  });

  it("omits an attribute with omitProbability (the rule set's default then applies)", () => {
    const values = draw({ type: "number", omitProbability: 1, distribution: { kind: "constant", value: 1 } }, 10);

    expect(values).toEqual(Array(10).fill(undefined));
  });
});

describe("arrivals", () => {
  const base = { arrivals: { kind: "constant", durationSeconds: 600 }, parties: [{ size: 3, weight: 1 }] };

  it("splits the players into parties, cutting the last one to fit", () => {
    const arrivals = generateArrivals(parsePopulation({ ...base, players: 10 }), 1);

    expect(arrivals.map((a) => a.players.length)).toEqual([3, 3, 3, 1]);
    expect(arrivals.map((a) => a.atMs)).toEqual([...arrivals.map((a) => a.atMs)].sort((x, y) => x - y));
  });

  it("follows a curve: most arrivals where the rate is highest", () => {
    const population = parsePopulation({
      players: 4000,
      arrivals: {
        kind: "curve",
        durationSeconds: 2400,
        points: [
          { hour: 0, rate: 0 },
          { hour: 12, rate: 1 },
          { hour: 24, rate: 0 },
        ],
      },
    });
    const times = generateArrivals(population, 2).map((a) => a.atMs / 1000);
    const middle = times.filter((t) => t >= 600 && t < 1800).length;

    expect(middle / times.length).toBeGreaterThan(0.7);
  });

  it("gives every player latencies from its party's region", () => {
    const population = parsePopulation({
      ...base,
      players: 30,
      regions: [{ name: "eu", weight: 1, latencyMs: { "eu-west-1": { kind: "constant", value: 30 } } }],
    });

    expect(generateArrivals(population, 1).flatMap((a) => a.players.map((p) => p.latencyInMs))).toEqual(
      Array(30).fill({ "eu-west-1": 30 }),
    );
  });
});
