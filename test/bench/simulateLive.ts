/**
 * `matchplace simulate --live` through a whole local stage (its own process, as `npm start` runs
 * it): 200 arena-2v2 players of `--population auto`, their minute of arrivals squeezed into 2 s
 * (`--time-scale 30`), at most 50 requests/s and 8 in flight. Prints the live run's wall time,
 * request peaks, how the clients heard, MatchmakingSucceeded → heard, and the waits next to the
 * engine-only twin's. The stage's speed, not a target: figures go in packages/cli/README.md.
 */
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runCli } from "../../packages/cli/src/cli.js";
import type { SimulationReport } from "../../packages/cli/src/simulate/simulation.js";
import { startStageProcess } from "../support/stageProcess.js";

const players = 200;

export async function run(): Promise<void> {
  const stage = await startStageProcess();
  const out = join(tmpdir(), `mp-live-bench-${process.pid}.json`);
  try {
    let stderr = "";
    const code = await runCli(
      [
        "simulate",
        "--live",
        "--stage",
        stage.localJson,
        "--rule-set",
        "arena-2v2",
        "--players",
        String(players),
        "--time-scale",
        "30",
        "--rate",
        "50",
        "--concurrency",
        "8",
        "--json",
        out,
      ],
      {
        stdout: { write: () => true },
        stderr: {
          write: (t: string) => {
            stderr += t;
            return true;
          },
        },
        cwd: process.cwd(),
        env: {},
      },
    );
    if (code !== 0) throw new Error(`simulate --live exited ${code}: ${stderr.slice(-2000)}`);
    const report = JSON.parse(await readFile(out, "utf8")) as SimulationReport;
    const [engine, live] = report.runs;
    if (!live?.live || !engine) throw new Error("no live run");
    const w = (s: { p50: number | null; p90: number | null }): string => `p50 ${s.p50 ?? "-"} s, p90 ${s.p90 ?? "-"} s`;
    const l = live.live;
    console.log(
      `matchplace simulate --live (${players} players through a local stage process; load ${(await readFile("/proc/loadavg", "utf8")).split(" ")[0]})`,
    );
    console.log(
      `  live: ${l.wallSeconds.toFixed(1)} s wall, ${live.totals.tickets} tickets, ${live.totals.matches} matches, completion ${(live.totals.rates.completion * 100).toFixed(1)} %, ` +
        `${l.requests.requests} requests (peak ${l.requests.peakPerSecond}/s, ${l.requests.peakInFlight} in flight), heard by push ${l.heardBy.push} / poll ${l.heardBy.poll}`,
    );
    console.log(
      `  waits: live ${w(live.waitSeconds.overall)}; engine-only twin ${w(engine.waitSeconds.overall)} (${engine.totals.matches} matches); MatchmakingSucceeded → heard ${w(l.heardAfterMatchSeconds)}`,
    );
  } finally {
    await rm(out, { force: true });
    await stage.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
