import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guideExamples } from "../../../gamelift-local/test/fixtures/flexmatch-guide/index.js";
import { runCli } from "../../src/cli.js";
import type { SimulationReport } from "../../src/simulate/simulation.js";
import type { InterruptSource } from "../../src/types.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const arena = join(repo, "infra/gamelift/rulesets/arena-2v2.json");
const evenTeams = guideExamples.find((e) => e.id === "01-aliens-vs-cowboys")?.path ?? "";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "matchplace-simulate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function simulate(
  argv: string[],
  options: { cwd?: string; interrupt?: InterruptSource; onStderr?: (text: string) => void } = {},
) {
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
    cwd: options.cwd ?? dir,
    env: {},
    ...(options.interrupt ? { interrupt: options.interrupt } : {}),
  });
  return { code, stdout, stderr };
}

describe("matchplace simulate", () => {
  it("writes the JSON and a self-contained HTML report and prints a summary", async () => {
    const { code, stdout, stderr } = await simulate([
      "--rule-set",
      arena,
      "--players",
      "200",
      "--json",
      "out.json",
      "--html",
      "out.html",
      "--compare",
      evenTeams,
    ]);

    expect(code).toBe(0);
    expect(stdout).toMatch(/RULE SET\s+TICKETS[\s\S]*arena-2v2[\s\S]*01-aliens-vs-cowboys/);
    expect(stderr).toContain("tickets done");
    const report = JSON.parse(await readFile(join(dir, "out.json"), "utf8")) as SimulationReport;
    expect(report.runs.map((r) => r.ruleSet.name)).toEqual(["arena-2v2", "01-aliens-vs-cowboys"]);
    expect(report.runs[0]?.matches[0]?.matchmakerData.teams[0]?.players[0]?.attributes["skill"]?.attributeType).toBe(
      "DOUBLE",
    );
    const html = await readFile(join(dir, "out.html"), "utf8");
    expect(html).toContain("uPlot");
    // Offline: nothing is loaded from elsewhere (uPlot's own licence comment names its GitHub page).
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|url\(\s*["']?https?:|(src|href)=["']?https?:/);
    const charts = JSON.parse(
      /<script id="report-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? "[]",
    ) as { title: string }[][];
    expect(charts).toHaveLength(2);
    const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1] ?? "");
    for (const script of scripts) expect(() => new Function(script)).not.toThrow();
    // The chart script runs against a stand-in uPlot: one plot per chart, each with x plus its series.
    const plots: unknown[][] = [];
    const json = /<script id="report-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? "[]";
    const document = {
      getElementById: (id: string) => (id === "report-data" ? { textContent: json } : { clientWidth: 600 }),
    };
    const uPlot = Object.assign(
      function (this: unknown, _opts: unknown, data: unknown[]) {
        plots.push(data);
      },
      { paths: { bars: () => () => null } },
    );
    new Function("document", "uPlot", scripts[scripts.length - 1] ?? "")(document, uPlot);
    expect(plots).toHaveLength(charts.flat().length);
    expect(charts[0]?.map((c) => c.title)).toEqual(
      expect.arrayContaining(["Wait-time CDF by party size", "Wait-time CDF by region", "Outcomes over time"]),
    );
  });

  it("finds a rule set by its name in infra/gamelift and prints JSON with --json -", async () => {
    const { code, stdout } = await simulate(
      ["--rule-set", "arena-2v2", "--players", "40", "--seed", "5", "--json", "-"],
      { cwd: repo },
    );

    expect(code).toBe(0);
    expect((JSON.parse(stdout) as SimulationReport).seed).toBe(5);
  });

  it.each([
    {
      population: {
        players: 10,
        arrivals: { kind: "constant", durationSeconds: 60 },
        attributes: { skill: { type: "number", distribution: { kind: "normal", mean: 1, stddev: -1 } } },
      },
      message: /attributes\.skill\.distribution\.stddev: /,
    },
    { population: { players: 10, arrivals: { kind: "linear", durationSeconds: 60 } }, message: /arrivals\.kind: / },
    { population: { players: 0, arrivals: { kind: "constant", durationSeconds: 60 } }, message: /players: / },
    {
      population: {
        players: 10,
        arrivals: { kind: "constant", durationSeconds: 60 },
        parties: [{ size: 11, weight: 1 }],
      },
      message: /parties\[0\]\.size: /,
    },
    {
      population: { players: 10, arrivals: { kind: "constant", durationSeconds: 60 }, colour: "red" },
      message: /\(root\): .*colour/,
    },
  ])("refuses a population with a bad field, naming its path ($message)", async ({ population, message }) => {
    await writeFile(join(dir, "bad.json"), JSON.stringify(population));

    const { code, stderr } = await simulate(["--rule-set", arena, "--population", "bad.json"]);

    expect(code).toBe(5);
    expect(stderr).toMatch(message);
  });

  it.each([
    { argv: ["--players", "10"], stderr: /--rule-set is required/, code: 2 },
    {
      argv: ["--rule-set", "no-such-rule-set"],
      stderr: /rule set "no-such-rule-set" is neither a file nor a rule set/,
      code: 5,
    },
    { argv: ["--rule-set", arena, "--seed", "x"], stderr: /--seed must be a whole number/, code: 2 },
  ])("refuses $argv", async ({ argv, stderr, code }) => {
    const run = await simulate(argv);

    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(stderr);
  });

  it("stops on Ctrl-C with a partial report and exit 130", async () => {
    const controller = new AbortController();
    const interrupt: InterruptSource = { signal: controller.signal, hold: () => () => undefined };

    const { code, stderr } = await simulate(["--rule-set", arena, "--players", "3000", "--json", "partial.json"], {
      interrupt,
      onStderr: (text) => {
        if (/\] +[1-9]\d*%/.test(text)) controller.abort();
      },
    });

    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: the report above is partial/);
    const report = JSON.parse(await readFile(join(dir, "partial.json"), "utf8")) as SimulationReport;
    expect(report.runs[0]?.interrupted).toBe(true);
    expect(report.runs[0]?.totals.outcomes.UNFINISHED).toBeGreaterThan(0);
  });
});
