import { apiLogger } from "../http/logger.js";
import { httpHandler } from "../http/httpHandler.js";
import { callDescribeMatchmakingConfiguration } from "@matchplace/core/gamelift";
import { gamelift as gameliftGateway } from "../http/gamelift.js";
import { pingTable, stageNames } from "../http/services.js";

const logger = apiLogger("health.get");

/** How long each dependency may take to answer the health check. */
const CHECK_TIMEOUT_MS = 1500;

/** One dependency's health. */
interface Check {
  readonly status: "ok" | "error";
  readonly latencyMs: number;
  /** Error name only (no messages: the route is public). */
  readonly error?: string;
}

async function check(run: (signal: AbortSignal) => Promise<void>): Promise<Check> {
  const started = Date.now();
  try {
    await run(AbortSignal.timeout(CHECK_TIMEOUT_MS));
    return { status: "ok", latencyMs: Date.now() - started };
  } catch (err) {
    return { status: "error", latencyMs: Date.now() - started, error: err instanceof Error ? err.name : "Error" };
  }
}

/**
 * GET /v1/health (no auth): checks each dependency — DynamoDB (a read of the table) and GameLift
 * (DescribeMatchmakingConfigurations of the linked configuration), each within 1.5 s, in parallel —
 * and reports each. 200 `{status: "ok", checks}` when all answer, else 503 `{status: "degraded",
 * checks}` with Retry-After; never 500 (a missing link is a failed check too).
 */
export const handler = httpHandler({ logger, auth: false }, async () => {
  let names: ReturnType<typeof stageNames> | undefined;
  try {
    names = stageNames();
  } catch (err) {
    logger.error("health: services not configured", { error: err as Error });
  }
  const notConfigured = async (): Promise<void> => {
    throw new Error("NotConfigured");
  };
  const [dynamodb, gamelift] = await Promise.all([
    check(names ? (signal) => pingTable(signal) : notConfigured),
    check(
      names
        ? () =>
            callDescribeMatchmakingConfiguration(
              gameliftGateway().withDeadline(Date.now() + CHECK_TIMEOUT_MS),
              names.configurationName,
            )
        : notConfigured,
    ),
  ]);
  const ok = dynamodb.status === "ok" && gamelift.status === "ok";
  if (!ok) logger.warn("health degraded", { dynamodb, gamelift });
  return {
    status: ok ? 200 : 503,
    headers: ok ? ({} as Record<string, string>) : { "retry-after": "5" },
    body: { status: ok ? "ok" : "degraded", checks: { dynamodb, gamelift } },
  };
});
