import { MatchEventPublisher } from "@matchplace/core/realtime";
import { linkedString } from "../edge.js";

let publisher: MatchEventPublisher | undefined;

/**
 * The process-wide publisher to the MatchEvents topic (`Resource.MatchEvents.arn`), built on first
 * use so handlers that never publish need no link to it.
 * @example await matchEventPublisher().publish(outbound);
 */
export function matchEventPublisher(): MatchEventPublisher {
  publisher ??= new MatchEventPublisher({ topicArn: linkedString("MatchEvents", "arn") });
  return publisher;
}
