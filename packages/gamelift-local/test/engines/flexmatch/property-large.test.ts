import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMatches, parseRuleSet, seededRandom } from "../../../src/engines/flexmatch/index.js";
import type { PoolTicket } from "../../../src/engines/flexmatch/index.js";
import { violations, type RawRuleSet } from "./oracle.js";

const NOW = Date.parse("2026-01-01T01:00:00.000Z");
const SEED = Number(process.env["FLEXMATCH_PROPERTY_SEED"] ?? 4242);
const RUNS = Number(process.env["FLEXMATCH_PROPERTY_RUNS"] ?? 60);

/** Large rule sets: Σ maxPlayers in 41..200, balanced on skill, optional batchDistance and latency. */
const largeArb: fc.Arbitrary<RawRuleSet> = fc
  .record({
    teams: fc.array(
      fc.record({
        max: fc.integer({ min: 5, max: 60 }),
        slack: fc.integer({ min: 0, max: 10 }),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    batch: fc.option(fc.integer({ min: 50, max: 600 }), { nil: undefined }),
    latency: fc.option(fc.integer({ min: 80, max: 200 }), { nil: undefined }),
    fastest: fc.boolean(),
    relax: fc.integer({ min: 0, max: 30 }),
  })
  .filter(({ teams }) => {
    const total = teams.reduce((s, t) => s + t.max * t.quantity, 0);
    return total > 40 && total <= 200;
  })
  .map(({ teams, batch, latency, fastest, relax }) => ({
    playerAttributes: [{ name: "skill", type: "number", default: 500 }],
    algorithm: {
      strategy: "balanced",
      balancedAttribute: "skill",
      batchingPreference: fastest ? "fastestRegion" : "largestPopulation",
    } as RawRuleSet["algorithm"],
    teams: teams.map((t, i) => ({
      name: `g${i}`,
      maxPlayers: t.max,
      minPlayers: Math.max(0, t.max - t.slack),
      quantity: t.quantity,
    })),
    rules: [
      ...(batch === undefined
        ? []
        : [{ name: "Batch", type: "batchDistance", batchAttribute: "skill", maxDistance: batch }]),
      ...(latency === undefined ? [] : [{ name: "Fast", type: "latency", maxLatency: latency }]),
    ],
    expansions: [{ target: "teams[g0].minPlayers", steps: [{ waitTimeSeconds: relax, value: 0 }] }],
  }));

const poolArb: fc.Arbitrary<PoolTicket[]> = fc
  .array(
    fc.record({
      size: fc.integer({ min: 1, max: 4 }),
      skill: fc.integer({ min: 0, max: 1000 }),
      age: fc.integer({ min: 0, max: 40 }),
      east: fc.integer({ min: 10, max: 250 }),
      west: fc.integer({ min: 10, max: 250 }),
    }),
    { minLength: 0, maxLength: 160 },
  )
  .map((tickets) =>
    tickets.map((t, i) => ({
      ticketId: `L${i}`,
      startTime: NOW - t.age * 1000,
      players: Array.from({ length: t.size }, (_, k) => ({
        playerId: `L${i}p${k}`,
        attributes: { skill: { N: t.skill + k } },
        latencyInMs: { east: t.east + k, west: t.west },
      })),
    })),
  );

describe("findMatches on large rule sets (property)", () => {
  it("only proposes large matches an independent evaluator accepts", () => {
    let proposed = 0;
    fc.assert(
      fc.property(largeArb, poolArb, fc.integer(), (raw, pool, seed) => {
        const ruleSet = parseRuleSet(JSON.stringify({ ruleLanguageVersion: "1.0", ...raw }));
        const matches = findMatches(ruleSet, pool, NOW, { random: seededRandom(seed) });
        proposed += matches.length;
        expect(violations(raw, pool, matches, NOW)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(proposed).toBeGreaterThan(10);
  });
});
