/**
 * Runs the real SST program (sst.config.ts + infra/ + SST's own components from .sst/platform)
 * under Pulumi's runtime mocks: no Pulumi engine, no AWS. Pulumi keeps its runtime state per
 * process, so call this once per test file (vitest `pool: "forks"` gives each file a process).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRecorder, type MockCall, type MockResource } from "./mocks.js";
import { startSstServer, type HandlerBuild } from "./sstServer.js";

/** Repo root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const PLATFORM = path.join(ROOT, ".sst", "platform");

/** Resource options SST and Pulumi apply, which the mocks cannot see. */
interface CapturedOptions {
  readonly retainOnDelete?: boolean;
  readonly protect?: boolean;
  readonly dependsOn: readonly string[];
}

/** What one mocked run produced. */
export interface InfraRun {
  readonly stage: string;
  readonly resources: readonly MockResource[];
  readonly calls: readonly MockCall[];
  readonly builds: readonly HandlerBuild[];
  readonly outputs: Record<string, unknown>;
  /** Errors thrown inside `apply()` callbacks (they would fail `sst deploy`). */
  readonly errors: readonly string[];
  readonly options: ReadonlyMap<string, CapturedOptions>;
  readonly seconds: number;
  /** Every resource of a type, e.g. `aws:lambda/function:Function`. */
  ofType(type: string): MockResource[];
  /** The one resource with this type and logical name; throws when absent. */
  get(type: string, name: string): MockResource;
}

/** Options of {@link runInfra}. */
export interface RunInfraOptions {
  readonly stage: string;
  /** Environment for infra/config.ts, set before the program is imported. */
  readonly env?: Readonly<Record<string, string>>;
  /** Build stand-ins for handler modules that do not exist yet (see SstServerOptions). */
  readonly stubMissingHandlers?: boolean;
}

/** What {@link drain} watches. */
interface Progress {
  /** Grows whenever a resource or a build is recorded. */
  count(): number;
  /** A handler build is running. */
  busy(): boolean;
  /** A built function has no Lambda resource yet. */
  waiting(): boolean;
  /** The stack's outputs resolved. */
  done(): boolean;
}

/**
 * Waits until the program has settled: outputs resolved, nothing busy, and nothing recorded for
 * half a second (resources created inside `apply()` come after the outputs), and every built
 * function has its Lambda. A run whose `apply()` threw may never get there: it ends after 4 quiet
 * seconds.
 */
/** What the harness uses of the `@pulumi/pulumi` instance it loads from `.sst/platform` (untyped there). */
interface PulumiModule {
  readonly runtime: {
    waitForRPCs?: () => Promise<void>;
    setMocks(mocks: unknown, project: string, stack: string, preview: boolean): Promise<void>;
    runInPulumiStack(fn: () => Promise<unknown>): Promise<Record<string, unknown> | undefined>;
    registerStackTransformation(t: (args: TransformArgs) => undefined): void;
  };
}

/** A stack transformation's argument, as far as the harness reads it. */
interface TransformArgs {
  readonly type: string;
  readonly name: string;
  readonly opts: { readonly dependsOn?: unknown; readonly retainOnDelete?: boolean; readonly protect?: boolean };
}

async function drain(pulumi: PulumiModule, progress: Progress): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = -1;
  let changedAt = Date.now();
  while (Date.now() < deadline) {
    await Promise.race([pulumi.runtime.waitForRPCs?.(), new Promise((r) => setTimeout(r, 100))]);
    await new Promise((r) => setTimeout(r, 20));
    const count = progress.count();
    if (count !== last || progress.busy()) {
      last = count;
      changedAt = Date.now();
    }
    const quiet = Date.now() - changedAt;
    if ((progress.done() && !progress.waiting() && quiet >= 500) || quiet >= 4000) return;
  }
}

/**
 * Runs the program for `stage` and returns every resource it declared.
 * @example const run = await runInfra({ stage: "ci" }); run.ofType("aws:sns/topic:Topic");
 */
export async function runInfra(options: RunInfraOptions): Promise<InfraRun> {
  const started = Date.now();
  if (!fs.existsSync(path.join(PLATFORM, "src", "auto", "run.ts"))) {
    throw new Error(".sst/platform is missing: run `npm run sst:install` (npm test does it in pretest)");
  }
  Object.assign(process.env, options.env ?? {});
  const require = createRequire(path.join(PLATFORM, "package.json"));
  // The same @pulumi/pulumi instance the components load: mocks and stack state are module-global.
  const pulumi = require("@pulumi/pulumi") as PulumiModule;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "matchplace-infra-"));
  const server = await startSstServer(require("esbuild"), ROOT, work, {
    stubMissingHandlers: options.stubMissingHandlers ?? false,
  });
  process.env.SST_SERVER = server.url;

  const errors: string[] = [];
  const onRejection = (reason: unknown): void => {
    errors.push(reason instanceof Error ? reason.message : String(reason));
  };
  process.on("unhandledRejection", onRejection);

  const recorder = createRecorder();
  await pulumi.runtime.setMocks(recorder.mocks, "matchplace", options.stage, false);

  const g = globalThis as Record<string, unknown>;
  g.$dev = false;
  g.$cli = {
    command: "deploy",
    rpc: server.url,
    paths: { home: ROOT, root: ROOT, work, platform: PLATFORM },
    state: { version: {} },
  };
  Object.assign(g, await import(path.join(PLATFORM, "src", "shim", "run.js")));
  const config = (await import(path.join(ROOT, "sst.config.ts"))).default;
  const app = await config.app({ stage: options.stage });
  g.$app = {
    name: app.name,
    stage: options.stage,
    removal: app.removal ?? "retain",
    protect: app.protect ?? false,
    providers: app.providers ?? {},
  };
  g.aws = require("@pulumi/aws");
  g.sst = await import(path.join(PLATFORM, "src", "components", "index.ts"));
  const { run } = await import(path.join(PLATFORM, "src", "auto", "run.ts"));

  const captured = new Map<string, CapturedOptions>();
  let outputs: Record<string, unknown> = {};
  try {
    let done = false;
    pulumi.runtime
      .runInPulumiStack(() =>
        run(async () => {
          // Registered after SST's own stack transformations, so it sees what they set.
          pulumi.runtime.registerStackTransformation((args: TransformArgs) => {
            const dependsOn = [args.opts.dependsOn ?? []]
              .flat()
              .map((r: unknown) => (r as { __name?: string } | undefined)?.__name ?? "?");
            captured.set(`${args.type}::${args.name}`, {
              retainOnDelete: args.opts.retainOnDelete,
              protect: args.opts.protect,
              dependsOn,
            });
            return undefined;
          });
          return config.run();
        }),
      )
      .then(
        (result: Record<string, unknown> | undefined) => {
          outputs = result ?? {};
          done = true;
        },
        (error: Error) => {
          errors.push(error.message);
          done = true;
        },
      );
    await drain(pulumi, {
      count: () => recorder.resources.length + server.builds.length,
      busy: () => server.pending() > 0,
      waiting: () =>
        server.builds.some(
          (b) => b.errors.length === 0 && !recorder.resources.some((r) => r.name === `${b.functionId}Function`),
        ),
      done: () => done,
    });
    if (!done) errors.push("the program never resolved its outputs (an apply() callback failed or hangs)");
  } catch (error) {
    errors.push((error as Error).message);
  } finally {
    process.off("unhandledRejection", onRejection);
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }

  const ofType = (type: string): MockResource[] => recorder.resources.filter((r) => r.type === type);
  return {
    stage: options.stage,
    resources: recorder.resources,
    calls: recorder.calls,
    builds: server.builds,
    outputs,
    errors,
    options: captured,
    seconds: (Date.now() - started) / 1000,
    ofType,
    get(type, name) {
      const found = ofType(type).find((r) => r.name === name);
      if (!found)
        throw new Error(
          `no ${type} named ${name}; have: ${ofType(type)
            .map((r) => r.name)
            .join(", ")}`,
        );
      return found;
    },
  };
}
