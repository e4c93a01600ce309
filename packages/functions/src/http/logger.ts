import { Logger } from "@aws-lambda-powertools/logger";

/**
 * The API's Powertools logger (one per process; each handler module takes a child with its
 * `component`). Never log tokens or raw headers.
 * @example const log = apiLogger("matchmaking.start");
 */
const rootLogger = new Logger({ serviceName: "matchplace-api" });

/** A child logger tagged with the handler's component name. */
export function apiLogger(component: string): Logger {
  return rootLogger.createChild({ persistentKeys: { component } });
}
