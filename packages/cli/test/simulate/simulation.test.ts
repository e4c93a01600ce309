import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { describe, expect, it } from "vitest";
import { autoPopulation } from "../../src/simulate/population/auto.js";
import { parsePopulation } from "../../src/simulate/population/load.js";
import { resolveRuleSet } from "../../src/simulate/ruleSetSource.js";
import { runSimulation } from "../../src/simulate/simulation.js";
import { matchViolations } from "./oracleCheck.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}.json`, import.meta.url));

async function simulateAuto(spec: string, players: number, seed = 1) {
  const source = resolveRuleSet(spec, repo);
  const population = autoPopulation(parseRuleSet(source.body), JSON.parse(source.body) as { rules?: [] }, players);
  const result = await runSimulation({ ruleSets: [source], population, populationSource: "auto", seed });
  return { source, ...result };
}

describe("simulate with --population auto", () => {
  it.each([
    { name: "arena-2v2", spec: "arena-2v2", players: 400 },
    { name: "even teams (docs example 1)", spec: fixture("even-teams"), players: 400 },
    { name: "hunters vs monster (docs example 2)", spec: fixture("hunters-monster"), players: 300 },
    { name: "team requirements and latency (docs example 3)", spec: fixture("medics-latency"), players: 400 },
    { name: "compound rule (docs example 10)", spec: fixture("compound-modes"), players: 300 },
    { name: "large match (docs example 7)", spec: fixture("large-battle"), players: 400 },
  ])("forms matches that satisfy $name at each ticket's age", async ({ spec, players }) => {
    const { source, report, arrivals } = await simulateAuto(spec, players);
    const run = report.runs[0];

    expect(run?.totals.matches).toBeGreaterThan(0);
    expect(matchViolations(source.body, run ?? report.runs[0]!, arrivals)).toEqual([]);
  });
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
  it.each(["arena-evening", "arena-parties"])("%s validates and runs against arena-2v2 with --compare", async (name) => {
    const population = parsePopulation(JSON.parse(readFileSync(`${repo}infra/gamelift/populations/${name}.json`, "utf8")), name);
    const arena = resolveRuleSet("arena-2v2", repo);
    const wide = resolveRuleSet(fixture("even-teams"), repo);

    const { report, arrivals } = await runSimulation({ ruleSets: [arena, wide], population: { ...population, players: 300 }, populationSource: name, seed: 3 });

    expect(report.runs.map((r) => r.ruleSet.name)).toEqual(["arena-2v2", "even-teams"]);
    expect(report.runs.map((r) => r.totals.tickets)).toEqual([arrivals.length, arrivals.length]);
    expect(matchViolations(arena.body, report.runs[0]!, arrivals)).toEqual([]);
  });
});
