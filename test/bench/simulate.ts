/**
 * `matchplace simulate` benchmark: whole simulations on virtual time (arrivals, FlexMatch,
 * queue placement on a finite fleet, game sessions ending), in-process.
 * (a) 100,000 players, 1v1 with a skill batchDistance rule, arriving over one simulated hour (target ≤ 30 s);
 * (b) 20,000 players, 5v5 with a team-skill distance rule and two expansions, over one hour (target ≤ 30 s).
 * Both on a fleet of 50 instances × 50 game sessions, games lasting 2 minutes (the fleet is never full).
 * Run: `npx tsx test/bench/simulate.ts` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { pathToFileURL } from "node:url";
import { parsePopulation } from "../../packages/cli/src/simulate/population/load.js";
import type { RuleSetSource } from "../../packages/cli/src/simulate/ruleSetSource.js";
import { runSimulation } from "../../packages/cli/src/simulate/simulation.js";

const source = (name: string, body: object): RuleSetSource => ({
  name,
  path: `(bench) ${name}`,
  body: JSON.stringify({ name, ruleLanguageVersion: "1.0", ...body }),
  configuration: {
    RequestTimeoutSeconds: 120,
    AcceptanceRequired: false,
    AdditionalPlayerCount: 0,
    BackfillMode: "MANUAL",
    GameProperties: [],
  },
});

const oneVsOne = source("bench-1v1", {
  playerAttributes: [{ name: "skill", type: "number", default: 1000 }],
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 1 },
    { name: "blue", minPlayers: 1, maxPlayers: 1 },
  ],
  rules: [{ name: "SimilarSkill", type: "batchDistance", batchAttribute: "skill", maxDistance: 50 }],
});

const fiveVsFive = source("bench-5v5", {
  playerAttributes: [{ name: "skill", type: "number", default: 1000 }],
  teams: [
    { name: "red", minPlayers: 5, maxPlayers: 5 },
    { name: "blue", minPlayers: 5, maxPlayers: 5 },
  ],
  rules: [
    {
      name: "FairTeamSkill",
      type: "distance",
      measurements: ["avg(teams[*].players.attributes[skill])"],
      referenceValue: "avg(flatten(teams[*].players.attributes[skill]))",
      maxDistance: 20,
    },
  ],
  expansions: [
    {
      target: "rules[FairTeamSkill].maxDistance",
      steps: [
        { waitTimeSeconds: 10, value: 60 },
        { waitTimeSeconds: 30, value: 200 },
      ],
    },
  ],
});

const population = (players: number) =>
  parsePopulation({
    players,
    arrivals: { kind: "constant", durationSeconds: 3600 },
    attributes: { skill: { type: "number", distribution: { kind: "normal", mean: 1500, stddev: 300, round: true } } },
    fleet: {
      locations: ["us-east-1"],
      instancesPerLocation: 50,
      gameSessionsPerInstance: 50,
      gameSessionSeconds: { kind: "constant", value: 120 },
    },
  });

async function measure(label: string, rules: RuleSetSource, players: number): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { report } = await runSimulation({
    ruleSets: [rules],
    population: population(players),
    populationSource: "bench",
    seed: 1,
  });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const run = report.runs[0];
  console.log(
    `${label}: ${cpu.toFixed(1)} s CPU (${wall.toFixed(1)} s wall) for ${players.toLocaleString("en-US")} players, ` +
      `${run?.totals.matches ?? 0} matches, completion ${((run?.totals.rates.completion ?? 0) * 100).toFixed(1)} %, ` +
      `${run?.simulatedSeconds ?? 0} s simulated (target ≤ 30 s)`,
  );
}

/** Runs both scenarios and prints the figures. */
export async function run(): Promise<void> {
  console.log("matchplace simulate (whole simulation in-process on virtual time; CPU time of this process)");
  await measure("(a) 1v1 batchDistance ", oneVsOne, 100_000);
  await measure("(b) 5v5 distance + 2 expansions", fiveVsFive, 20_000);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
