import { defineConfig } from "vitest/config";

// Node 20 is this project's local runtime (Lambda runs nodejs22.x); the SDK's notice about it is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts", "infra/test/**/*.test.ts"],
    globalSetup: ["test/setup/dynamodb.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // `npm test` runs with --coverage (v8 counts natively, so the overhead is small); a missed threshold fails the
    // run. Targeted runs (`npx vitest run <paths>`) collect nothing unless given --coverage.
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      // The dashboard page runs in Chromium, not in the test process; declaration files hold no code.
      exclude: ["packages/local/src/dashboard/web/**", "**/*.d.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // A run with a failing test still prints the summary (vitest skips it by default).
      reportOnFailure: true,
      thresholds: {
        "packages/core/src/**": { lines: 90, branches: 85 },
        "packages/gamelift-local/src/**": { lines: 90, branches: 85 },
      },
    },
  },
});
