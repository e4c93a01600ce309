// knip (`npm run knip`, part of `npm test`): no unused file, dependency or export.
// Entries knip cannot see on its own are listed here: Lambda handlers are referenced by string, so
// their modules are read from the one table that declares them (packages/functions/src/routes.ts,
// via infra/handlers.ts) — a new route needs no entry here; the dashboard page is bundled by esbuild
// from packages/local/src/dashboard/web/main.ts, benchmarks are loaded by test/bench/run.ts, and the
// bare reference handlers in test/support are bundled by the bundle-size test.
import type { KnipConfig } from "knip";
import { deployedHandlers } from "./infra/handlers.js";

/** `packages/functions/src/<module>.<export>` → `src/<module>.ts` (relative to the functions workspace). */
const handlerModules = deployedHandlers().map((h) => `${h.slice("packages/functions/".length, h.lastIndexOf("."))}.ts`);

const config: KnipConfig = {
  workspaces: {
    ".": {
      entry: ["test/bench/*.ts", "test/**/*.test.ts", "test/support/bare*.ts", "infra/test/**/*.test.ts"],
      project: ["test/**/*.ts", "infra/**/*.ts"],
      // sst: the `sst` CLI and sst.config.ts's globals; bun: found by path in infra/test/sstInstall.ts;
      // @pulumi/*: required from .sst/platform (installed by `npm run sst:install`) by the infra test harness.
      ignoreDependencies: ["sst", "@oven/bun-linux-x64", "@pulumi/pulumi", "@pulumi/aws"],
      // taskset (util-linux) pins the import bench to one CPU where the machine has it (test/bench/imports.ts).
      ignoreBinaries: ["taskset"],
    },
    "packages/functions": {
      // Every deployed handler's module (the redrive's command line is found in package.json's scripts).
      entry: [...handlerModules, "test/**/*.test.ts"],
      project: ["src/**/*.ts", "test/**/*.ts"],
    },
    "packages/local": {
      entry: ["src/dashboard/web/main.ts", "test/**/*.test.ts"],
      project: ["src/**/*.ts", "test/**/*.ts"],
      // DynamoDB Local is the real jar, run with the machine's Java 17.
      ignoreBinaries: ["java"],
    },
    "packages/cli": {
      entry: ["test/**/*.test.ts"],
      project: ["bin/*.js", "src/**/*.ts", "test/**/*.ts"],
    },
    "packages/client": {
      entry: ["test/**/*.test.ts"],
      project: ["src/**/*.ts", "test/**/*.ts"],
    },
    "packages/gamelift-local": {
      entry: ["scripts/*.ts", "test/**/*.test.ts"],
      project: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts"],
    },
    "packages/core": {
      entry: ["test/**/*.test.ts"],
      project: ["src/**/*.ts", "test/**/*.ts"],
    },
  },
};

export default config;
