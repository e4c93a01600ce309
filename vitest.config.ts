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
  },
});
