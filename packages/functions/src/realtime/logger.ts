import { Logger } from "@aws-lambda-powertools/logger";

/** The realtime channel's logger (never logs tokens or query strings). */
const realtimeLogger = new Logger({ serviceName: "matchplace-realtime" });

/** A child logger tagged with the handler's component name. */
export function realtimeComponent(component: string): Logger {
  return realtimeLogger.createChild({ persistentKeys: { component } });
}
