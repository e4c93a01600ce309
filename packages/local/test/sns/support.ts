import { Logger } from "@aws-lambda-powertools/logger";
import { ManualClock } from "@matchplace/gamelift-local";
import { LocalSns } from "../../src/sns/LocalSns.js";

/** A quiet logger for the SNS tests. */
const logger = new Logger({ serviceName: "test", logLevel: "CRITICAL" });

/**
 * A LocalSns whose retry backoff runs on a fresh ManualClock (a retry's wait advances it instead of
 * sleeping), with two retries after 1 s and 2 s; `options` override any of it.
 */
export function localSnsOnClock(options: Partial<ConstructorParameters<typeof LocalSns>[0]> = {}): {
  sns: LocalSns;
  clock: ManualClock;
} {
  const clock = new ManualClock();
  const sns = new LocalSns({
    region: "us-east-1",
    accountId: "123456789012",
    logger,
    retryDelaysMs: [1_000, 2_000],
    wait: async (ms) => void clock.advance(ms),
    ...options,
  });
  return { sns, clock };
}
