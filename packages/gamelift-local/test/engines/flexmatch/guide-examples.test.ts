/**
 * Every rule-set example of AWS's FlexMatch guide (test/fixtures/flexmatch-guide) validates through
 * ValidateMatchmakingRuleSet over HTTP, and the engine forms matches for it from a plausible pool,
 * each match checked by the independent oracle (test/flexmatch/oracle.ts). The pool is drawn per
 * attribute type (numbers around the default, strings and lists from small vocabularies, flags
 * from the literals comparisons test them against), with latencies far under every maxLatency.
 */
import { ValidateMatchmakingRuleSetCommand } from "@aws-sdk/client-gamelift";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findMatches,
  parseRuleSet,
  seededRandom,
  type AttributeValue,
  type PoolTicket,
  type ProposedMatch,
} from "../../../src/engines/flexmatch/index.js";
import { guideExamples } from "../../fixtures/flexmatch-guide/index.js";
import { startHarness, type Harness } from "../../helpers.js";
import { violations, type RawRuleSet } from "./oracle.js";

const NOW = Date.parse("2026-01-01T00:00:00.000Z");
const locations = ["us-east-1", "us-west-2", "eu-west-1"];

/** Number literals that comparison rules measuring `attribute` test against (flag-like attributes). */
const flagValues = (raw: RawRuleSet, attribute: string): number[] =>
  raw.rules
    .filter(
      (r) =>
        r["type"] === "comparison" &&
        JSON.stringify(r["measurements"]).includes(`[${attribute}]`) &&
        typeof r["referenceValue"] === "number",
    )
    .map((r) => r["referenceValue"] as number);

/** A pool of `n` one-player tickets (every fifth a party of two when the smallest team allows), aged 0-30 s. */
function poolFor(raw: RawRuleSet, n: number, seed: number): PoolTicket[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const ruleSet = parseRuleSet(JSON.stringify(raw));
  const smallestTeam = Math.min(...ruleSet.teams.map((t) => t.maxPlayers));
  const blocks = raw.rules.some((r) => JSON.stringify(r).includes("players[playerId]"));
  let idNumber = 0;
  const player = (id: string): PoolTicket["players"][number] => {
    idNumber++;
    const attributes: Record<string, AttributeValue> = {};
    for (const a of ruleSet.playerAttributes) {
      const flags = flagValues(raw, a.name);
      if (a.type === "number") {
        const mean = a.default?.N ?? 10;
        attributes[a.name] = {
          N: flags.length > 0 ? pick([...flags, mean, mean]) : Math.round(mean + (random() - 0.5) * 6),
        };
      } else if (a.type === "string") attributes[a.name] = { S: random() < 0.9 ? "alpha" : "beta" };
      else if (a.type === "string_list") {
        // Lists a rule compares with player ids (a block list) name an earlier player half the time.
        const other = blocks && idNumber > 0 && random() < 0.5 ? [`p${Math.floor(random() * idNumber)}`] : [];
        attributes[a.name] = { SL: [...new Set([pick(["c1", "c2"]), pick(["c1", "c2", "c3"]), ...other])] };
      } else
        attributes[a.name] = { SDM: { defaultMap: Math.round(random() * 100), other: Math.round(random() * 100) } };
    }
    // Latencies far under every maxLatency (the smallest documented one is 50 ms), spread over three locations.
    const latencyInMs = Object.fromEntries(locations.map((l) => [l, 5 + Math.round(random() * 40)]));
    return { playerId: id, attributes, latencyInMs };
  };
  return Array.from({ length: n }, (_, i) => ({
    ticketId: `t${i}`,
    startTime: NOW - Math.floor(random() * 30_000),
    players: i % 5 === 4 && smallestTeam >= 2 ? [player(`p${i}a`), player(`p${i}b`)] : [player(`p${i}`)],
  }));
}

describe("the FlexMatch guide's rule-set examples", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emulator.close();
  });

  it("has every example of the guide's list (1-11)", () => {
    expect(guideExamples.map((e) => e.url.replace(/.*match-examples-(\d+)\.html$/, "$1"))).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
    ]);
  });

  for (const example of guideExamples) {
    describe(`${example.title} (${example.url})`, () => {
      it("validates with ValidateMatchmakingRuleSet", async () => {
        const out = await h.json.send(new ValidateMatchmakingRuleSetCommand({ RuleSetBody: example.body }));
        expect(out.Valid).toBe(true);
      });

      it("forms matches that satisfy the rule set", () => {
        const raw = JSON.parse(example.body) as RawRuleSet;
        const ruleSet = parseRuleSet(example.body);
        const large = ruleSet.algorithm.strategy === "balanced";
        // Large matches: three times the match size, so batching by league, skill, map and mode still fills one.
        const maxPlayers = ruleSet.teams.reduce((s, t) => s + t.maxPlayers * t.quantity, 0);
        const pool = poolFor(raw, large ? Math.max(130, maxPlayers * 3) : 300, 7);
        const matches: ProposedMatch[] = [];
        // Ticks of 5 s until every expansion could apply (60 s), each on what is still waiting.
        let waiting = pool;
        for (let t = 0; t <= 60_000 && waiting.length > 0; t += 5_000) {
          const found = findMatches(ruleSet, waiting, NOW + t);
          expect(violations(raw, waiting, found, NOW + t)).toEqual([]);
          matches.push(...found);
          const taken = new Set(found.flatMap((m) => m.ticketIds));
          waiting = waiting.filter((x) => !taken.has(x.ticketId));
        }
        expect(matches.length).toBeGreaterThan(0);
      });
    });
  }
});
