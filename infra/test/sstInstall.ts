/**
 * `sst install` without the internet beyond the npm registry, for tests and type checks: writes
 * .sst/platform (SST's component sources, config.d.ts and their node_modules). SST would otherwise
 * download Pulumi (skipped: nothing here deploys) and its own bun; the npm package
 * `@oven/bun-<os>-<arch>` provides bun, else SST falls back to npm (slower).
 * Stage: SST_STAGE, default `ci`. Run: `npm run sst:install` (npm test runs it in pretest).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness/runInfra.js";

const arch = process.arch === "arm64" ? "aarch64" : process.arch;
const bun = path.join(ROOT, "node_modules", "@oven", `bun-${process.platform}-${arch}`, "bin", "bun");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  SST_SKIP_DEPENDENCY_CHECK: "1",
  SST_TELEMETRY_DISABLED: "1",
  ...(fs.existsSync(bun) ? { SST_BUN_PATH: bun } : { SST_NO_BUN: "1" }),
};
const result = spawnSync(
  path.join(ROOT, "node_modules", ".bin", "sst"),
  ["install", "--stage", process.env.SST_STAGE ?? "ci"],
  {
    cwd: ROOT,
    env,
    stdio: "inherit",
  },
);
if (result.status !== 0) {
  console.error(`sst install failed (${result.error?.message ?? `exit ${result.status}`})`);
  process.exit(1);
}
