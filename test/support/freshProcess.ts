/**
 * Fresh-process measurement helpers of the cold-import and cold-start benches: the links a deployed
 * function finds in its environment, CPU pinning, and one script run in a fresh `node`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readCatalogDocument } from "@matchplace/core/catalog-files";

/** The links a deployed function finds in its environment (SST sets SST_RESOURCE_<name>); values are placeholders. */
const LINKS: Record<string, string> = {
  SST_RESOURCE_App: JSON.stringify({ name: "matchplace", stage: "bench" }),
  SST_RESOURCE_Table: JSON.stringify({ name: "matchplace-bench" }),
  SST_RESOURCE_Matchmaking: JSON.stringify({ configurationName: "arena", queueName: "arena" }),
  SST_RESOURCE_Catalog: JSON.stringify(
    readCatalogDocument(fileURLToPath(new URL("../../infra/gamelift", import.meta.url))),
  ),
  SST_RESOURCE_EventsTrust: JSON.stringify({
    account: "111122223333",
    region: "us-east-1",
    resources: ["arn:aws:gamelift:us-east-1:111122223333:matchmakingconfiguration/arena"],
    fleetIds: ["fleet-1"],
  }),
  SST_RESOURCE_MatchEvents: JSON.stringify({ arn: "arn:aws:sns:us-east-1:111122223333:match-events" }),
  SST_RESOURCE_Realtime: JSON.stringify({
    managementEndpoint: "https://example.execute-api.us-east-1.amazonaws.com/$default",
  }),
  SST_RESOURCE_EventsDeadLetter: JSON.stringify({ url: "https://sqs.us-east-1.amazonaws.com/111122223333/dlq" }),
};

/**
 * The command prefix that pins a process to one CPU (`taskset -c <cpu>`), or none where taskset is
 * missing. The two vCPUs of this machine differ: the same import measured 87–92 ms CPU on one and
 * 109–117 ms on the other, so unpinned samples land in two clusters 25 % apart and a ratio of two
 * imports swings by that much. Both imports of a pair then run on the same CPU.
 */
export function pinning(cpu: string): string[] {
  return spawnSync("taskset", ["-c", cpu, "true"]).status === 0 ? ["taskset", "-c", cpu] : [];
}

/**
 * Runs an ES module `script` in a fresh `node` (pinned with `pin`, the links and `env` in its
 * environment) and returns the JSON its last line of output holds.
 */
export function runFresh(script: string, pin: readonly string[], env: Readonly<Record<string, string>> = {}): unknown {
  const argv = [...pin, process.execPath, "--input-type=module", "-e", script];
  const out = execFileSync(argv[0]!, argv.slice(1), {
    env: {
      ...process.env,
      ...LINKS,
      AWS_REGION: "us-east-1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...env,
    },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** The median of `xs` (the upper one of an even count). */
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** The `q` quantile of `xs` (0 ≤ q ≤ 1), nearest rank: `quantile(xs, 0.25)` is the lower quartile. */
export const quantile = (xs: readonly number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
