/**
 * The local stage as its own process (`packages/local/src/main.ts`, as `npm start` runs it) on free
 * ports, for benchmarks that must not share an event loop with the stage. Resolves once the stage
 * says it is up; the stage goes with this process if it ends first (Ctrl-C, a timeout).
 * Set `BENCH_PROF=1` to write the stage's CPU profile to /tmp/prof.
 * @example
 * const stage = await startStageProcess(["--match-seconds", "10-20"]);
 * try { await fetch(`${stage.endpoints.api}/health`); } finally { await stage.cleanup(); }
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** What `.matchplace/local.json` says of the stage (the fields benchmarks use). */
interface StageEndpoints {
  readonly api: string;
  readonly websocket: string;
  readonly gamelift: string;
  readonly dynamodb: string;
  readonly region: string;
  readonly tableName: string;
}

/** A running stage process. */
export interface StageProcess {
  readonly child: ChildProcess;
  /** The stage's local.json (give it to `simulate --live --stage`). */
  readonly localJson: string;
  readonly endpoints: StageEndpoints;
  /** The startup banner. */
  readonly banner: string;
  /** The stage's stderr lines (warnings), kept for the figures. */
  readonly log: string[];
  /** Stops the stage (SIGTERM) and removes its files. */
  cleanup(): Promise<void>;
}

/** Starts the stage with extra `flags` (ports are always free ones; reconciliation off). */
export async function startStageProcess(flags: readonly string[] = []): Promise<StageProcess> {
  const dir = mkdtempSync(join(tmpdir(), "mp-bench-"));
  const localJson = join(dir, "local.json");
  const ports = [
    "--api-port",
    "--websocket-port",
    "--dashboard-port",
    "--gamelift-port",
    "--dynamodb-port",
    "--sns-port",
    "--s3-port",
  ].flatMap((f) => [f, "0"]);
  const prof = process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [];
  const child = spawn(
    process.execPath,
    [...prof, "--import", "tsx", "packages/local/src/main.ts", ...ports, "--reconcile-ms", "0", ...flags],
    {
      cwd: repoRoot,
      env: { ...process.env, MATCHPLACE_LOCAL_JSON: localJson },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const killStage = (): void => void child.kill("SIGTERM");
  const onSignal = (signal: NodeJS.Signals): void => {
    killStage();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("exit", killStage);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const log: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => log.push(...chunk.toString().split("\n").filter(Boolean)));
  let banner = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the stage exited (${code}) before it was up: ${log.join("\n")}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes("local stage is up")) resolve();
    });
  });
  child.stdout?.resume();
  return {
    child,
    localJson,
    endpoints: JSON.parse(readFileSync(localJson, "utf8")) as StageEndpoints,
    banner,
    log,
    cleanup: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      process.off("exit", killStage);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
