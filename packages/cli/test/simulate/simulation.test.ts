import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { describe, expect, it } from "vitest";
import { autoPopulation } from "../../src/simulate/population/auto.js";
import { parsePopulation } from "../../src/simulate/population/load.js";
import { resolveRuleSet } from "../../src/simulate/ruleSetSource.js";
import { runSimulation } from "../../src/simulate/simulation.js";
import { guideExamples } from "../../../gamelift-local/test/fixtures/flexmatch-guide/index.js";
import { matchViolations } from "./oracleCheck.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const evenTeams = guideExamples.find((e) => e.id === "01-aliens-vs-cowboys")?.path ?? "";

async function simulateAuto(spec: string, players: number, seed = 1) {
  const source = resolveRuleSet(spec, repo);
  const population = autoPopulation(parseRuleSet(source.body), JSON.parse(source.body) as { rules?: [] }, players);
  const result = await runSimulation({ ruleSets: [source], population, populationSource: "auto", seed });
  return { source, ...result };
}

describe("simulate with --population auto", () => {
  it("forms matches that satisfy arena-2v2 at each ticket's age", async () => {
    const { source, report, arrivals } = await simulateAuto("arena-2v2", 400);
    const run = report.runs[0];

    expect(run?.totals.matches).toBeGreaterThan(0);
    expect(matchViolations(source.body, run ?? report.runs[0]!, arrivals)).toEqual([]);
  });

  // Every rule-set example of AWS's FlexMatch guide (shared with the emulator's tests); large matches get more players.
  // Example 10's 40-player compound rule is the slowest to search: fewer players suffice.
  const playersFor = (body: string): number => {
    const size = parseRuleSet(body).teams.reduce((n, t) => n + t.maxPlayers * t.quantity, 0);
    return size > 40 ? 1500 : size >= 40 ? 200 : 400;
  };
  it.each(guideExamples.map((e) => ({ name: `${e.id}: ${e.title}`, spec: e.path, players: playersFor(e.body) })))(
    "forms matches that satisfy the guide's $name at each ticket's age",
    async ({ spec, players }) => {
      const { source, report, arrivals } = await simulateAuto(spec, players);
      const run = report.runs[0];

      expect(run?.totals.matches).toBeGreaterThan(0);
      expect(matchViolations(source.body, run ?? report.runs[0]!, arrivals)).toEqual([]);
    },
    120_000,
  );
});

describe("the match check", () => {
  it("reports a match whose teams break the rule set", async () => {
    const { source, report, arrivals } = await simulateAuto("arena-2v2", 100);
    const run = structuredClone(report.runs[0]!);
    const [red, blue] = run.matches[0]!.matchmakerData.teams;
    blue!.players.push(...red!.players.splice(0, 1));

    expect(matchViolations(source.body, run, arrivals).join("\n")).toMatch(/team .* has [13], outside \[2, 2\]/);
  });
});

describe("determinism", () => {
  it("gives byte-identical JSON for the same seed", async () => {
    const first = await simulateAuto("arena-2v2", 300, 7);
    const second = await simulateAuto("arena-2v2", 300, 7);

    expect(JSON.stringify(second.report)).toBe(JSON.stringify(first.report));
  });

  it("gives another run for another seed", async () => {
    const a = await simulateAuto("arena-2v2", 300, 7);
    const b = await simulateAuto("arena-2v2", 300, 8);

    expect(JSON.stringify(b.report.runs[0]?.matches)).not.toBe(JSON.stringify(a.report.runs[0]?.matches));
  });
});

describe("the shipped populations", () => {
  it.each(["arena-evening", "arena-parties"])(
    "%s validates and runs against arena-2v2 with --compare",
    async (name) => {
      const population = parsePopulation(
        JSON.parse(readFileSync(`${repo}infra/gamelift/populations/${name}.json`, "utf8")),
        name,
      );
      const arena = resolveRuleSet("arena-2v2", repo);
      const wide = resolveRuleSet(evenTeams, repo);

      const { report, arrivals } = await runSimulation({
        ruleSets: [arena, wide],
        population: { ...population, players: 300 },
        populationSource: name,
        seed: 3,
      });

      expect(report.runs.map((r) => r.ruleSet.name)).toEqual(["arena-2v2", "01-aliens-vs-cowboys"]);
      expect(report.runs.map((r) => r.totals.tickets)).toEqual([arrivals.length, arrivals.length]);
      expect(matchViolations(arena.body, report.runs[0]!, arrivals)).toEqual([]);
    },
  );
});
