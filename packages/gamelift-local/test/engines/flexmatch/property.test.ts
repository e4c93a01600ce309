import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMatches, parseRuleSet, seededRandom } from "../../../src/engines/flexmatch/index.js";
import type { PoolTicket } from "../../../src/engines/flexmatch/index.js";
import { violations, type RawRuleSet } from "./oracle.js";

const NOW = Date.parse("2026-01-01T01:00:00.000Z");
/** Fixed by default; set FLEXMATCH_PROPERTY_SEED (and _RUNS) to explore other cases. */
const SEED = Number(process.env["FLEXMATCH_PROPERTY_SEED"] ?? 20261121);
const RUNS = Number(process.env["FLEXMATCH_PROPERTY_RUNS"] ?? 400);
const SKILL_ALL = "teams[*].players.attributes[skill]";

/** Rule templates over the declared attributes skill (number), mode (string), maps (string_list). */
const ruleTemplates = (teamNames: string[]): fc.Arbitrary<Record<string, unknown>>[] => [
  fc.integer({ min: 0, max: 300 }).map((maxDistance) => ({
    name: "FairTeamSkill",
    type: "distance",
    measurements: [`avg(${SKILL_ALL})`],
    referenceValue: `avg(flatten(${SKILL_ALL}))`,
    maxDistance,
  })),
  fc.integer({ min: 0, max: 600 }).map((floor) => ({
    name: "Floor",
    type: "comparison",
    measurements: [`flatten(${SKILL_ALL})`],
    referenceValue: floor,
    operation: ">=",
  })),
  fc.constant({
    name: "SameMode",
    type: "comparison",
    measurements: ["flatten(teams[*].players.attributes[mode])"],
    operation: "=",
  }),
  fc
    .integer({ min: 50, max: 500 })
    .map((maxDistance) => ({ name: "Batch", type: "batchDistance", batchAttribute: "skill", maxDistance })),
  fc.constant({ name: "ModeBatch", type: "batchDistance", batchAttribute: "mode" }),
  fc.constant({
    name: "SharedMap",
    type: "collection",
    operation: "intersection",
    measurements: ["flatten(teams[*].players.attributes[maps])"],
    minCount: 1,
  }),
  fc.integer({ min: 0, max: 3 }).map((maxCount) => ({
    name: "FewX",
    type: "collection",
    operation: "contains",
    measurements: ["flatten(teams[*].players.attributes[maps])"],
    referenceValue: "x",
    maxCount,
  })),
  fc.integer({ min: 60, max: 200 }).map((maxLatency) => ({ name: "Fast", type: "latency", maxLatency })),
  fc.integer({ min: 0, max: 200 }).map((d) => ({
    name: "Spread",
    type: "distance",
    measurements: [`max(flatten(${SKILL_ALL}))`],
    referenceValue: `min(flatten(${SKILL_ALL}))`,
    maxDistance: d,
  })),
  ...(teamNames.length >= 2
    ? [
        fc.constant({
          name: "EqualTeamSizes",
          type: "comparison",
          measurements: [`count(teams[${teamNames[0]}].players)`],
          referenceValue: `count(teams[${teamNames[1]}].players)`,
          operation: "=",
        }),
      ]
    : []),
];

const teamsArb = fc
  .array(
    fc.record({
      min: fc.integer({ min: 1, max: 3 }),
      extra: fc.integer({ min: 0, max: 2 }),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((ts) =>
    ts.map((t, i) => ({ name: `t${i}`, minPlayers: t.min, maxPlayers: t.min + t.extra, quantity: t.quantity })),
  );

const ruleSetArb: fc.Arbitrary<RawRuleSet> = teamsArb.chain((teams) => {
  const names = teams.flatMap((t) =>
    t.quantity > 1 ? Array.from({ length: t.quantity }, (_, q) => `${t.name}${q + 1}`) : [t.name],
  );
  return fc
    .record({
      rules: fc
        .subarray(ruleTemplates(names), { maxLength: 4 })
        .chain(
          (arbs): fc.Arbitrary<Record<string, unknown>[]> =>
            arbs.length ? fc.tuple(...arbs) : fc.constant<Record<string, unknown>[]>([]),
        ),
      compound: fc.boolean(),
      oldest: fc.boolean(),
      expand: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ rules, compound, oldest, expand }): RawRuleSet => {
      const list: Record<string, unknown>[] = [...rules];
      const named = list.filter((r) => r["type"] !== "batchDistance").map((r) => String(r["name"]));
      if (compound && named.length >= 2) {
        list.push({ name: "Either", type: "compound", statement: `or(${named[0]}, ${named[1]})` });
      }
      const distance = list.find((r) => r["type"] === "distance");
      return {
        playerAttributes: [
          { name: "skill", type: "number" },
          { name: "mode", type: "string", default: "casual" },
          { name: "maps", type: "string_list", default: ["x", "y"] },
        ],
        algorithm: { expansionAgeSelection: oldest ? "oldest" : "newest" },
        teams,
        rules: list,
        expansions: [
          ...(distance
            ? [
                {
                  target: `rules[${String(distance["name"])}].maxDistance`,
                  steps: [{ waitTimeSeconds: expand, value: 1000 }],
                },
              ]
            : []),
          { target: `teams[${teams[0]?.name ?? "t0"}].minPlayers`, steps: [{ waitTimeSeconds: expand + 5, value: 1 }] },
        ],
      };
    });
});

const playerArb = fc.record({
  skill: fc.integer({ min: 0, max: 1000 }),
  mode: fc.constantFrom("casual", "ranked"),
  maps: fc.subarray(["x", "y", "z"], { minLength: 1 }),
  east: fc.integer({ min: 10, max: 250 }),
  west: fc.integer({ min: 10, max: 250 }),
  latency: fc.boolean(),
});

const poolArb: fc.Arbitrary<PoolTicket[]> = fc
  .array(
    fc.record({
      players: fc.array(playerArb, { minLength: 1, maxLength: 3 }),
      age: fc.integer({ min: 0, max: 90 }),
      backfill: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 0, maxLength: 40 },
  )
  .map((tickets) =>
    tickets.map((t, i) => ({
      ticketId: `k${i}`,
      startTime: NOW - t.age * 1000,
      ...(t.backfill === 0 ? { backfill: { gameSessionArn: "arn:gs" } } : {}),
      players: t.players.map((p, j) => ({
        playerId: `k${i}p${j}`,
        attributes: { skill: { N: p.skill }, mode: { S: p.mode }, maps: { SL: p.maps } },
        ...(p.latency || i % 2 === 0 ? { latencyInMs: { east: p.east, west: p.west } } : {}),
        ...(t.backfill === 0 ? { team: `t0${""}` } : {}),
      })),
    })),
  );

describe("findMatches (property)", () => {
  it("only proposes matches an independent evaluator accepts", () => {
    let proposed = 0;
    fc.assert(
      fc.property(ruleSetArb, poolArb, fc.integer(), (raw, pool, seed) => {
        const ruleSet = parseRuleSet(JSON.stringify({ ruleLanguageVersion: "1.0", ...raw }));
        // Backfill players sit on the first concrete team.
        const first = ruleSet.teams[0];
        const seat = first && first.quantity > 1 ? `${first.name}1` : (first?.name ?? "t0");
        const seated = pool.map((t) =>
          t.backfill ? { ...t, players: t.players.map((p) => ({ ...p, team: seat })) } : t,
        );
        const matches = findMatches(ruleSet, seated, NOW, { random: seededRandom(seed) });
        proposed += matches.length;
        expect(violations(raw, seated, matches, NOW)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The family is not vacuous: plenty of matches were checked.
    expect(proposed).toBeGreaterThan(200);
  });

  it("seats every ticket once after a swap repair then a trim (counterexample found by this test)", () => {
    const raw: RawRuleSet = {
      playerAttributes: [
        { name: "skill", type: "number" },
        { name: "mode", type: "string", default: "casual" },
        { name: "maps", type: "string_list", default: ["x", "y"] },
      ],
      algorithm: { expansionAgeSelection: "newest" },
      teams: [
        { name: "t0", minPlayers: 3, maxPlayers: 5, quantity: 2 },
        { name: "t1", minPlayers: 1, maxPlayers: 2, quantity: 2 },
      ],
      rules: [
        {
          name: "FairTeamSkill",
          type: "distance",
          measurements: [`avg(${SKILL_ALL})`],
          referenceValue: `avg(flatten(${SKILL_ALL}))`,
          maxDistance: 0,
        },
        {
          name: "EqualTeamSizes",
          type: "comparison",
          measurements: ["count(teams[t01].players)"],
          referenceValue: "count(teams[t02].players)",
          operation: "=",
        },
      ],
      expansions: [
        { target: "rules[FairTeamSkill].maxDistance", steps: [{ waitTimeSeconds: 0, value: 1000 }] },
        { target: "teams[t0].minPlayers", steps: [{ waitTimeSeconds: 5, value: 1 }] },
      ],
    };
    const player = (id: string, skill: number, extra: Record<string, unknown> = {}) => ({
      playerId: id,
      attributes: { skill: { N: skill } },
      ...extra,
    });
    const pool: PoolTicket[] = [
      { ticketId: "k0", startTime: NOW, players: [player("k0p0", 0)] },
      {
        ticketId: "k1",
        startTime: NOW,
        backfill: {},
        players: [0, 1, 2].map((j) => player(`k1p${j}`, 0, { team: "t01" })),
      },
      { ticketId: "k2", startTime: NOW, players: [player("k2p0", 0)] },
      { ticketId: "k3", startTime: NOW, players: [player("k3p0", 1)] },
      { ticketId: "k4", startTime: NOW, players: [player("k4p0", 0)] },
      { ticketId: "k5", startTime: NOW, players: [player("k5p0", 0), player("k5p1", 0)] },
    ];
    const ruleSet = parseRuleSet(JSON.stringify({ ruleLanguageVersion: "1.0", ...raw }));
    expect(violations(raw, pool, findMatches(ruleSet, pool, NOW, { random: seededRandom(111969389) }), NOW)).toEqual(
      [],
    );
  });

  it("has an oracle that notices a broken proposal", () => {
    const raw: RawRuleSet = {
      playerAttributes: [{ name: "skill", type: "number" }],
      teams: [
        { name: "a", minPlayers: 1, maxPlayers: 1 },
        { name: "b", minPlayers: 1, maxPlayers: 1 },
      ],
      rules: [{ name: "Close", type: "batchDistance", batchAttribute: "skill", maxDistance: 10 }],
    };
    const pool: PoolTicket[] = [0, 100].map((skill, i) => ({
      ticketId: `t${i}`,
      startTime: NOW,
      players: [{ playerId: `p${i}`, attributes: { skill: { N: skill } } }],
    }));
    const bogus = [
      {
        ticketIds: ["t0", "t1"],
        teams: [
          { name: "a", players: [{ playerId: "p0", ticketId: "t0" }] },
          { name: "b", players: [{ playerId: "p1", ticketId: "t1" }] },
        ],
        ruleEvaluationMetrics: [],
      },
    ];
    expect(violations(raw, pool, bogus, NOW)).toEqual(["match t0,t1: rule Close fails"]);
    expect(violations(raw, pool, [...bogus, ...bogus], NOW).some((v) => v.includes("two matches"))).toBe(true);
  });

  it("finds at least one match in an easy pool", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), (n) => {
        const rs = parseRuleSet(
          JSON.stringify({
            ruleLanguageVersion: "1.0",
            teams: [
              { name: "a", minPlayers: 1, maxPlayers: 1 },
              { name: "b", minPlayers: 1, maxPlayers: 1 },
            ],
          }),
        );
        const pool = Array.from({ length: n }, (_, i) => ({
          ticketId: `t${i}`,
          startTime: NOW,
          players: [{ playerId: `p${i}`, attributes: {} }],
        }));
        expect(findMatches(rs, pool, NOW)).toHaveLength(Math.floor(n / 2));
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
