/**
 * The matcher's fast paths give the general path's results, on random rule sets and pools:
 * - a batchDistance rule on the key attribute read from each entry's key (evaluateMatch with the
 *   draft's members) gives the verdict and counters of the per-player check;
 * - trying each anchor's nearest candidates first (SearchLimits.nearestFirstFrom, here from any
 *   pool size) gives the matches, verdicts and counters of the whole candidate list.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PoolTicket } from "../../../../src/engines/flexmatch/index.js";
import { seededRandom } from "../../../../src/engines/flexmatch/index.js";
import { compile, primaryKeyAttribute } from "../../../../src/engines/flexmatch/match/compile.js";
import { Draft } from "../../../../src/engines/flexmatch/match/Draft.js";
import { evaluateMatch, MatchVerdict } from "../../../../src/engines/flexmatch/match/evaluateMatch.js";
import { DEFAULT_LIMITS, matchExhaustive } from "../../../../src/engines/flexmatch/match/exhaustive.js";
import { prepare } from "../../../../src/engines/flexmatch/match/prepare.js";
import { RuleCounts } from "../../../../src/engines/flexmatch/match/RuleCounts.js";
import { NOW, ruleSet } from "../helpers.js";

/** Fixed by default; set FLEXMATCH_PROPERTY_SEED (and _RUNS) to explore other cases. */
const SEED = Number(process.env["FLEXMATCH_PROPERTY_SEED"] ?? 20261207);
const RUNS = Number(process.env["FLEXMATCH_PROPERTY_RUNS"] ?? 300);
const SKILL_ALL = "teams[*].players.attributes[skill]";

/** Rule sets of 1v1 up to 3×3 players, a skill batchDistance rule (any aggregation), maybe a distance or comparison rule, expansions. */
const ruleSetArb = fc
  .record({
    teams: fc.integer({ min: 1, max: 3 }),
    minPlayers: fc.integer({ min: 1, max: 3 }),
    extra: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 2 }),
    maxDistance: fc.integer({ min: 0, max: 300 }),
    aggregation: fc.constantFrom("avg", "min", "max"),
    second: fc.constantFrom("none", "distance", "comparison", "modeBatch"),
    expandAt: fc.integer({ min: 0, max: 60 }),
    expandTo: fc.integer({ min: 0, max: 1000 }),
    oldest: fc.boolean(),
  })
  .map((r) => {
    const teams = Array.from({ length: r.teams }, (_, i) => ({
      name: `t${i}`,
      minPlayers: r.minPlayers,
      maxPlayers: r.minPlayers + r.extra,
      quantity: r.quantity,
    }));
    const rules: Record<string, unknown>[] = [
      {
        name: "Skill",
        type: "batchDistance",
        batchAttribute: "skill",
        maxDistance: r.maxDistance,
        partyAggregation: r.aggregation,
      },
    ];
    if (r.second === "distance") {
      rules.push({
        name: "Fair",
        type: "distance",
        measurements: [`avg(${SKILL_ALL})`],
        referenceValue: `avg(flatten(${SKILL_ALL}))`,
        maxDistance: 40,
      });
    } else if (r.second === "comparison") {
      rules.push({
        name: "Floor",
        type: "comparison",
        measurements: [`flatten(${SKILL_ALL})`],
        referenceValue: 100,
        operation: ">=",
      });
    } else if (r.second === "modeBatch") {
      rules.push({ name: "SameMode", type: "batchDistance", batchAttribute: "mode" });
    }
    return ruleSet({
      playerAttributes: [
        { name: "skill", type: "number" },
        { name: "mode", type: "string", default: "casual" },
      ],
      algorithm: { expansionAgeSelection: r.oldest ? "oldest" : "newest" },
      teams,
      rules,
      expansions: [
        { target: "rules[Skill].maxDistance", steps: [{ waitTimeSeconds: r.expandAt, value: r.expandTo }] },
        { target: "teams[t0].minPlayers", steps: [{ waitTimeSeconds: r.expandAt + 5, value: 1 }] },
      ],
    });
  });

const poolArb: fc.Arbitrary<PoolTicket[]> = fc
  .array(
    fc.record({
      skills: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 3 }),
      half: fc.boolean(),
      mode: fc.constantFrom("casual", "ranked"),
      age: fc.integer({ min: 0, max: 90 }),
    }),
    { maxLength: 80 },
  )
  .map((tickets) =>
    tickets.map((t, i) => ({
      ticketId: `k${i}`,
      startTime: NOW - t.age * 1000,
      players: t.skills.map((s, j) => ({
        playerId: `k${i}p${j}`,
        attributes: { skill: { N: t.half ? s + 0.5 : s }, mode: { S: t.mode } },
      })),
    })),
  );

describe("fast paths of the exhaustive search (property)", () => {
  it("keyed batchDistance: the verdict and counters of the per-player check, on any draft", () => {
    fc.assert(
      fc.property(
        ruleSetArb,
        poolArb,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (rs, pool, picks, partial) => {
          const compiled = compile(rs);
          const entries = prepare(pool, compiled, NOW, seededRandom(1));
          for (const level of compiled.levels) {
            const draft = new Draft(compiled, level, false);
            const seen = new Set<number>();
            for (const p of picks) {
              const e = entries[p % Math.max(1, entries.length)];
              if (!e || seen.has(e.order)) continue;
              seen.add(e.order);
              draft.place(e, p % level.teams.length);
            }
            const [fastCounts, slowCounts] = [new RuleCounts(rs.rules.length), new RuleCounts(rs.rules.length)];
            const fast = evaluateMatch(level, draft, undefined, partial, fastCounts, new MatchVerdict(), draft.members);
            const slow = evaluateMatch(level, draft, undefined, partial, slowCounts, new MatchVerdict());
            expect([fast.failures, fast.cost]).toEqual([slow.failures, slow.cost]);
            expect(fastCounts.metrics(rs)).toEqual(slowCounts.metrics(rs));
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("nearest candidates first: the matches, verdicts and counters of the whole candidate list", () => {
    let matched = 0;
    fc.assert(
      fc.property(ruleSetArb, poolArb, fc.integer(), (rs, pool, seed) => {
        const run = (nearestFirstFrom: number): unknown[] => {
          const compiled = compile(rs);
          const out: unknown[] = [];
          matchExhaustive(
            compiled,
            prepare(pool, compiled, NOW, seededRandom(seed)),
            primaryKeyAttribute(rs),
            Infinity,
            // Read at once: the matcher reuses its drafts and counters.
            (m) =>
              out.push({
                teams: m.draft.members.map((team) => team.map((e) => e.ticketId)),
                failures: m.verdict.failures,
                cost: m.verdict.cost,
                metrics: m.metrics.metrics(rs),
              }),
            { ...DEFAULT_LIMITS, nearestFirstFrom },
          );
          return out;
        };
        const fast = run(0);
        matched += fast.length;
        expect(fast).toEqual(run(Infinity));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Not vacuous: plenty of matches were compared.
    expect(matched).toBeGreaterThan(250);
  });
});
