import { describe, expect, it } from "vitest";
import { findMatches, parseRuleSet, seededRandom } from "../../../../src/engines/flexmatch/index.js";
import { violations, type RawRuleSet } from "../oracle.js";
import type { PoolTicket } from "../../../../src/engines/flexmatch/index.js";
import { slotTeams } from "../../../../src/engines/flexmatch/match/compile.js";
import { targetCounts } from "../../../../src/engines/flexmatch/match/balance.js";
import { attrs, NOW, ruleSet } from "../helpers.js";

const random = seededRandom(2026);
const regions = ["us-east-1", "eu-west-1", "ap-south-1"];

/** `n` tickets: every fifth a party of 3, skills 1000–1400, latencies 20–180 ms per region. */
const pool = (n: number, prefix = "t"): PoolTicket[] =>
  Array.from({ length: n }, (_, i) => ({
    ticketId: `${prefix}${i}`,
    startTime: NOW - (n - i) * 10,
    players: Array.from({ length: i % 5 === 0 ? 3 : 1 }, (_, k) => ({
      playerId: `${prefix}${i}-${k}`,
      attributes: attrs({ skill: 1000 + Math.floor(random() * 400) }),
      latencyInMs: Object.fromEntries(regions.map((r) => [r, 20 + Math.floor(random() * 160)])),
    })),
  }));

const large = (algorithm: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  ruleSet({
    playerAttributes: [{ name: "skill", type: "number", default: 1000 }],
    algorithm: { strategy: "balanced", balancedAttribute: "skill", ...algorithm },
    teams: [
      { name: "red", minPlayers: 80, maxPlayers: 100 },
      { name: "blue", minPlayers: 80, maxPlayers: 100 },
    ],
    rules: [
      { name: "SimilarSkill", type: "batchDistance", batchAttribute: "skill", maxDistance: 500 },
      { name: "Latency", type: "latency", maxLatency: 150 },
    ],
    ...extra,
  });

const skillOf = new Map<string, number>();
const index = (tickets: PoolTicket[]): void => {
  for (const t of tickets) for (const p of t.players) skillOf.set(p.playerId, p.attributes["skill"]?.N ?? 0);
};

describe("large matches (balanced strategy)", () => {
  const tickets = pool(300);
  index(tickets);
  // A party's latency is its players' average (latency partyAggregation defaults to avg).
  const partyLatency = (ticketId: string, region: string): number => {
    const t = tickets.find((x) => x.ticketId === ticketId);
    const ls = (t?.players ?? []).map((p) => p.latencyInMs?.[region] ?? Infinity);
    return ls.reduce((a, b) => a + b, 0) / ls.length;
  };

  it("fills a 200-player match with parties kept together and balanced teams", () => {
    const [m] = findMatches(large(), tickets, NOW);
    expect(m).toBeDefined();
    if (!m) return;
    expect(m.teams.map((t) => t.players.length)).toEqual([100, 100]);
    const ids = m.teams.flatMap((t) => t.players.map((p) => p.playerId));
    expect(new Set(ids).size).toBe(200);
    for (const t of tickets) {
      const teams = new Set(
        m.teams.filter((team) => team.players.some((p) => p.ticketId === t.ticketId)).map((team) => team.name),
      );
      expect(teams.size).toBeLessThanOrEqual(1);
    }
    const avg = (name: string) => {
      const team = m.teams.find((t) => t.name === name);
      return (team?.players ?? []).reduce((s, p) => s + (skillOf.get(p.playerId) ?? 0), 0) / 100;
    };
    expect(Math.abs(avg("red") - avg("blue"))).toBeLessThan(5);
    expect(m.location).toBeDefined();
    for (const id of m.ticketIds) expect(partyLatency(id, m.location ?? "")).toBeLessThanOrEqual(150);
    const skills = ids.map((id) => skillOf.get(id) ?? 0);
    expect(Math.max(...skills) - Math.min(...skills)).toBeLessThanOrEqual(500);
  });

  it("places the match where the largest population can play (largestPopulation)", () => {
    const biased = pool(220, "b").map((t) => ({
      ...t,
      players: t.players.map((p) => ({
        ...p,
        latencyInMs: { "us-east-1": 100, "eu-west-1": Number(t.ticketId.slice(1)) % 2 === 0 ? 50 : 200 },
      })),
    }));
    const [m] = findMatches(large(), biased, NOW);
    expect(m?.location).toBe("us-east-1"); // everyone can play there; only half in eu-west-1
  });

  it("groups players by their fastest region (fastestRegion)", () => {
    const eu = pool(220, "e").map((t) => ({
      ...t,
      players: t.players.map((p) => ({ ...p, latencyInMs: { "us-east-1": 100, "eu-west-1": 30 } })),
    }));
    const [m] = findMatches(large({ batchingPreference: "fastestRegion" }), eu, NOW);
    expect(m?.location).toBe("eu-west-1");
  });

  it("waits for minPlayers, then relaxes it by expansion", () => {
    const few = pool(120, "f"); // ≈ 168 players: short of 2 × 100 until minPlayers relaxes to 50
    const strict = large(
      {},
      {
        teams: [
          { name: "red", minPlayers: 100, maxPlayers: 100 },
          { name: "blue", minPlayers: 100, maxPlayers: 100 },
        ],
        expansions: [
          { target: "teams[red].minPlayers", steps: [{ waitTimeSeconds: 10, value: 50 }] },
          { target: "teams[blue].minPlayers", steps: [{ waitTimeSeconds: 10, value: 50 }] },
        ],
      },
    );
    expect(findMatches(strict, few, NOW)).toHaveLength(0);
    const aged = few.map((t) => ({ ...t, startTime: t.startTime - 10_000 }));
    expect(findMatches(strict, aged, NOW)).toHaveLength(1);
  });

  it("backfills a running large match into its open slots only", () => {
    const seated: PoolTicket = {
      ticketId: "bf",
      startTime: NOW - 1000,
      backfill: { gameSessionArn: "arn:gs" },
      players: Array.from({ length: 190 }, (_, i) => ({
        playerId: `s${i}`,
        attributes: attrs({ skill: 1200 }),
        team: i % 2 === 0 ? "red" : "blue",
        latencyInMs: { "us-east-1": 40, "eu-west-1": 40, "ap-south-1": 40 },
      })),
    };
    const [m] = findMatches(large(), [seated, ...pool(30, "n")], NOW);
    expect(m?.ticketIds[0]).toBe("bf");
    expect(m?.teams.map((t) => t.players.length)).toEqual([100, 100]);
    expect(m?.teams.flatMap((t) => t.players).filter((p) => p.ticketId === "bf")).toHaveLength(190);
  });
});

describe("large-match team filling (docs' examples)", () => {
  it("fills teams below minPlayers first, then the most open slots", () => {
    const rs = ruleSet({
      algorithm: { strategy: "balanced", balancedAttribute: "k" },
      playerAttributes: [{ name: "k", type: "number", default: 5 }],
      teams: [
        { name: "Red", minPlayers: 5, maxPlayers: 10 },
        { name: "Blue", minPlayers: 5, maxPlayers: 10 },
        { name: "Green", minPlayers: 2, maxPlayers: 3 },
      ],
    });
    const teams = slotTeams(rs);
    expect(targetCounts(teams, 10)).toEqual([5, 5, 0]);
    expect(targetCounts(teams, 12)).toEqual([5, 5, 2]);
    expect(targetCounts(teams, 20)).toEqual([9, 9, 2]);
    expect(targetCounts(teams, 23)).toEqual([10, 10, 3]);
  });

  it("fills the monster-hunters example: 10 × 15 hunters and 5 monsters", () => {
    const rs = ruleSet({
      algorithm: { strategy: "balanced", balancedAttribute: "monster-kills", batchingPreference: "fastestRegion" },
      playerAttributes: [{ name: "monster-kills", type: "number", default: 5 }],
      teams: [
        { name: "Monsters", minPlayers: 5, maxPlayers: 5 },
        { name: "Hunters", minPlayers: 12, maxPlayers: 15, quantity: 10 },
      ],
      rules: [{ name: "latency-catchall", type: "latency", maxLatency: 150 }],
    });
    expect(targetCounts(slotTeams(rs), 125)).toEqual([5, ...Array<number>(10).fill(12)]);
    const players = Array.from({ length: 155 }, (_, i) => ({
      ticketId: `p${i}`,
      startTime: NOW,
      players: [{ playerId: `p${i}`, attributes: {}, latencyInMs: { "us-east-1": 50 } }],
    }));
    const [m] = findMatches(rs, players, NOW);
    expect(m?.teams.map((t) => `${t.name}:${t.players.length}`)).toEqual([
      "Monsters:5",
      ...Array.from({ length: 10 }, (_, i) => `Hunters${i + 1}:15`),
    ]);
  });
});

describe("fastestRegion batching with a latency rule (the guide's example 8)", () => {
  it("fills a match from players' slower regions when no single fastest region holds enough players", async () => {
    const { guideExamples } = await import("../../../fixtures/flexmatch-guide/index.js");
    const example = guideExamples.find((e) => e.id === "08-multi-team-large-match");
    if (!example) throw new Error("example 8 missing");
    const ruleSet = parseRuleSet(example.body);
    const random = seededRandom(8);
    const regions = ["us-east-1", "us-west-2", "eu-west-1"];
    // 130 players (minimum 125), every latency far under maxLatency 150, each player fastest in one of three regions.
    const pool: PoolTicket[] = Array.from({ length: 130 }, (_, i) => ({
      ticketId: `t${i}`,
      startTime: NOW - 1000,
      players: [
        {
          playerId: `p${i}`,
          attributes: { "monster-kills": { N: Math.round(random() * 20) } },
          latencyInMs: Object.fromEntries(
            regions.map((r, k) => [r, k === i % 3 ? 20 : 40 + Math.round(random() * 40)]),
          ),
        },
      ],
    }));
    const matches = findMatches(ruleSet, pool, NOW);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.ticketIds.length).toBeGreaterThanOrEqual(125);
    expect(violations(JSON.parse(example.body) as RawRuleSet, pool, matches, NOW)).toEqual([]);
  });
});
