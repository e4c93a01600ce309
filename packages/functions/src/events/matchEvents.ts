import type { MatchEventPublisher } from "@matchplace/core/realtime";
import { linkedString } from "./linked.js";

let publisher: Promise<MatchEventPublisher> | undefined;

/**
 * The process-wide publisher to the MatchEvents topic (`Resource.MatchEvents.arn`), loaded (the SNS
 * client included) and built on first use: handlers that never publish need no link to it, and the
 * ones that do do not evaluate the SNS client at import.
 * @example await (await matchEventPublisher()).publish(outbound);
 */
export function matchEventPublisher(): Promise<MatchEventPublisher> {
  publisher ??= import("@matchplace/core/realtime").then(({ MatchEventPublisher: P }) => new P({ topicArn: linkedString("MatchEvents", "arn") }));
  return publisher;
}
