import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import type { LocalStage } from "@matchplace/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../packages/cli/src/cli.js";
import { autoPopulation } from "../../packages/cli/src/simulate/population/auto.js";
import { resolveRuleSet } from "../../packages/cli/src/simulate/ruleSetSource.js";
import { generateArrivals } from "../../packages/cli/src/simulate/arrivals.js";
import type { SimulationReport } from "../../packages/cli/src/simulate/simulation.js";
import { matchViolations } from "../../packages/cli/test/simulate/oracleCheck.js";
import type { InterruptSource } from "../../packages/cli/src/types.js";
import { startTestStage } from "../support/stage.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const players = 16;
const closeSkills = fileURLToPath(new URL("./fixtures/arena-close-skills.json", import.meta.url));
const seed = 5;

let stage: LocalStage;
let dir: string;
let stageFile: string;
beforeAll(async () => {
  stage = await startTestStage();
  dir = await mkdtemp(join(tmpdir(), "matchplace-live-"));
  stageFile = join(dir, "local.json");
  await writeFile(stageFile, JSON.stringify(stage.endpoints));
});
afterAll(async () => {
  await stage?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function simulate(
  argv: string[],
  options: { interrupt?: InterruptSource; onStderr?: (text: string) => void } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["simulate", ...argv], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        options.onStderr?.(stderr);
        return true;
      },
    },
    cwd: repo,
    env: {},
    ...(options.interrupt ? { interrupt: options.interrupt } : {}),
  });
  return { code, stdout, stderr };
}

describe("matchplace simulate --live", () => {
  it("drives the population through the stage as real clients and agrees with the engine-only run", async () => {
    const out = join(dir, "live.json");
    const { code, stdout, stderr } = await simulate([
      "--live",
      "--stage",
      stageFile,
      "--rule-set",
      "arena-2v2",
      "--players",
      String(players),
      "--seed",
      String(seed),
      "--time-scale",
      "30",
      "--rate",
      "40",
      "--json",
      out,
      "--html",
      join(dir, "live.html"),
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/arena-2v2 +\d[\s\S]*arena-2v2 \(live\)/);

    const report = JSON.parse(await readFile(out, "utf8")) as SimulationReport;
    // The engine-only run of the very same arrivals first, then the live one.
    const [engineRun, run] = report.runs;
    if (!run?.live || !engineRun || engineRun.live) throw new Error("expected an engine-only run, then a live run");
    const live = JSON.stringify(run.live);
    // Totals add up: every ticket has one outcome, every player of a COMPLETED ticket sits in exactly one match.
    const o = run.totals.outcomes;
    expect(run.totals.players).toBe(players);
    expect(o.COMPLETED + o.TIMED_OUT + o.CANCELLED + o.FAILED + o.UNFINISHED).toBe(run.totals.tickets);
    const seats = new Map<string, number>();
    for (const m of run.matches)
      for (const t of m.matchmakerData.teams)
        for (const p of t.players) seats.set(p.playerId, (seats.get(p.playerId) ?? 0) + 1);
    expect([...seats.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(run.matches.flatMap((m) => m.tickets.map((t) => t.ticketId))).size).toBe(o.COMPLETED);

    // The same population as the engine-only run, and every match satisfies the rule set (as GameLift saw the players).
    const source = resolveRuleSet("arena-2v2", repo);
    const population = autoPopulation(parseRuleSet(source.body), JSON.parse(source.body) as { rules?: [] }, players);
    const arrivals = generateArrivals(population, seed);
    expect(report.population.tickets).toBe(arrivals.length);
    expect(matchViolations(source.body, run, arrivals)).toEqual([]);
    expect(matchViolations(source.body, engineRun, arrivals)).toEqual([]);
    const described = run.matches.flatMap((m) => m.matchmakerData.teams.flatMap((t) => t.players));
    expect(run.live.matchAttributesFromDescribeMatchmaking, live).toBe(described.length);
    expect(run.live.skillMismatches, live).toBe(0);
    expect(run.live.eventOutcomeDisagreements, live).toBe(0);
    expect(run.live.clientErrors, live).toBe(0);

    // Within reason: the same players, all matched on both paths; the clients heard of it by push.
    expect(engineRun.configuration).toMatchObject({
      requestTimeoutSeconds: run.configuration["requestTimeoutSeconds"],
      acceptanceRequired: run.configuration["acceptanceRequired"],
    });
    expect(engineRun.totals.outcomes.COMPLETED).toBe(engineRun.totals.tickets);
    expect(o.COMPLETED).toBe(run.totals.tickets);
    expect(run.totals.tickets).toBe(engineRun.totals.tickets);
    expect(run.totals.players).toBe(engineRun.totals.players);
    // Every leader heard its end through the client (push, resync or the polling fallback; the split is the stage's health, reported).
    expect(run.live.heardBy.push + run.live.heardBy.resync + run.live.heardBy.poll, live).toBe(o.COMPLETED);
    expect(run.live.heardAfterMatchSeconds.count, live).toBe(o.COMPLETED);
    expect(run.live.requests.peakPerSecond).toBeLessThanOrEqual(40);
    expect(run.live.gameSessionsEnded, live).toBe(run.matches.length);
    expect(await readFile(join(dir, "live.html"), "utf8")).toContain("live");
  }, 120_000);

  /** A live run of the close-skills population, Ctrl-C'd once run 2 of 2 (the live one) has seen its first ticket end. */
  async function interruptedRun(
    file: string,
  ): Promise<{ report: SimulationReport; run: SimulationReport["runs"][number] }> {
    const controller = new AbortController();
    const out = join(dir, file);
    const { code, stderr } = await simulate(
      [
        "--live",
        "--stage",
        stageFile,
        "--rule-set",
        "arena-2v2",
        "--population",
        closeSkills,
        "--seed",
        "9",
        "--time-scale",
        "10",
        "--json",
        out,
      ],
      {
        interrupt: { signal: controller.signal, hold: () => () => undefined },
        onStderr: (text) => {
          if (/run 2\/2 \[[#-]+\] +[1-9]\d*%/.test(text)) controller.abort();
        },
      },
    );
    expect(code, stderr).toBe(130);
    const report = JSON.parse(await readFile(out, "utf8")) as SimulationReport;
    const run = report.runs[1];
    if (!run?.live) throw new Error("no live run in the partial report");
    expect(run.interrupted).toBe(true);
    const o = run.totals.outcomes;
    expect(o.COMPLETED).toBeGreaterThan(0);
    expect(o.COMPLETED + o.TIMED_OUT + o.CANCELLED + o.FAILED + o.UNFINISHED).toBe(run.totals.tickets);
    // Every ticket counted COMPLETED is in a reported match.
    expect(new Set(run.matches.flatMap((m) => m.tickets.map((t) => t.ticketId))).size).toBe(o.COMPLETED);
    return { report, run };
  }

  it("stops on Ctrl-C with a partial report that still adds up", async () => {
    const { report, run } = await interruptedRun("partial.json");
    expect(run.totals.tickets).toBeLessThanOrEqual(report.population.tickets);
    expect(run.live?.clientErrors, JSON.stringify(run.live)).toBe(0);
  }, 120_000);

  it("stops on Ctrl-C with every heard match in the report while the stage delivers events late and out of order", async () => {
    // Every SNS delivery is held back up to 4 s, drawn apart per message and per subscription: clients
    // hear of a match (from the consumer's copy, folded and pushed) before the run's own copies arrive,
    // which come out of order (a MatchmakingSucceeded before its PotentialMatchCreated), and the Ctrl-C
    // lands in between.
    const before = stage.sns.faults;
    stage.sns.setFaults({ ...before, delay: 1, maxDelayMs: 4000 });
    try {
      await interruptedRun("partial-late.json");
    } finally {
      stage.sns.setFaults(before);
    }
  }, 120_000);

  it("refuses a rule set the stage does not run", async () => {
    const { code, stderr } = await simulate([
      "--live",
      "--stage",
      stageFile,
      "--rule-set",
      join(repo, "packages/gamelift-local/test/fixtures/flexmatch-guide/01-aliens-vs-cowboys.json"),
      "--players",
      "8",
    ]);
    expect(code).toBe(5);
    expect(stderr).toMatch(/runs rule set arena-2v2, not .*01-aliens-vs-cowboys\.json/);
  });
});
