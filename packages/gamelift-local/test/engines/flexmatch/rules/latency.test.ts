import { describe, expect, it } from "vitest";
import { findMatches } from "../../../../src/engines/flexmatch/index.js";
import { NOW, ruleSet, solo } from "../helpers.js";

const oneVsOne = {
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 1 },
    { name: "blue", minPlayers: 1, maxPlayers: 1 },
  ],
};
const latency = (rule: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ruleSet({ ...oneVsOne, rules: [{ name: "L", type: "latency", ...rule }], ...extra });

describe("latency rule", () => {
  it("matches players sharing a location under maxLatency and picks the fastest such location", () => {
    const rs = latency({ maxLatency: 100 });
    const pool = [
      solo("a", {}, 2, { "us-east-1": 40, "eu-west-1": 90, "ap-south-1": 20 }),
      solo("b", {}, 1, { "us-east-1": 60, "eu-west-1": 10, "ap-south-1": 300 }),
    ];
    // ap-south-1 is out (300 > 100); us-east-1 and eu-west-1 both average 50: the tie goes by name.
    expect(findMatches(rs, pool, NOW)[0]?.location).toBe("eu-west-1");
  });

  it("chooses the location with the lowest average latency", () => {
    const rs = latency({ maxLatency: 100 });
    const pool = [
      solo("a", {}, 2, { "us-east-1": 40, "eu-west-1": 90 }),
      solo("b", {}, 1, { "us-east-1": 30, "eu-west-1": 10 }),
    ];
    expect(findMatches(rs, pool, NOW)[0]?.location).toBe("us-east-1");
  });

  it("does not match players without a common acceptable location", () => {
    const rs = latency({ maxLatency: 100 });
    const pool = [
      solo("a", {}, 2, { "us-east-1": 40, "eu-west-1": 150 }),
      solo("b", {}, 1, { "us-east-1": 130, "eu-west-1": 10 }),
    ];
    expect(findMatches(rs, pool, NOW)).toHaveLength(0);
  });

  it("never matches a ticket without latencies", () => {
    const rs = latency({ maxLatency: 1000 });
    expect(findMatches(rs, [solo("a", {}, 2, { "us-east-1": 40 }), solo("b", {}, 1)], NOW)).toHaveLength(0);
  });

  it("relaxes maxLatency through an expansion", () => {
    const rs = latency(
      { maxLatency: 50 },
      { expansions: [{ target: "rules[L].maxLatency", steps: [{ waitTimeSeconds: 10, value: 150 }] }] },
    );
    const pool = (age: number) => [solo("a", {}, age, { "us-east-1": 40 }), solo("b", {}, age, { "us-east-1": 120 })];
    expect(findMatches(rs, pool(0), NOW)).toHaveLength(0);
    expect(findMatches(rs, pool(10), NOW)).toHaveLength(1);
  });

  it.each([
    ["min", 30, false], // 80 is 50 above the minimum 30
    ["avg", 30, true], // 80 is 25 above the average 55
    ["min", 50, true],
  ] as const)(
    "holds each latency within maxDistance of the %s (maxDistance %d → %s)",
    (distanceReference, maxDistance, matches) => {
      const rs = latency({ maxDistance, distanceReference });
      const pool = [solo("a", {}, 2, { "us-east-1": 30 }), solo("b", {}, 1, { "us-east-1": 80 })];
      expect(findMatches(rs, pool, NOW).length === 1).toBe(matches);
    },
  );

  it("reports no location when nobody reported latencies and no latency rule exists", () => {
    const rs = ruleSet(oneVsOne);
    const [m] = findMatches(rs, [solo("a", {}), solo("b", {})], NOW);
    expect(m).toBeDefined();
    expect(m?.location).toBeUndefined();
  });

  it("still picks the fastest common location without a latency rule", () => {
    const rs = ruleSet(oneVsOne);
    const [m] = findMatches(rs, [solo("a", {}, 2, { x: 100, y: 20 }), solo("b", {}, 1, { x: 10, y: 30 })], NOW);
    expect(m?.location).toBe("y");
  });
});
