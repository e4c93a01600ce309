import type { ConnectionNotifier } from "@matchplace/core/realtime";
import { linkedString } from "../events/linked.js";

let built: Promise<ConnectionNotifier> | undefined;

/**
 * Posts to connections (`Resource.Realtime.managementEndpoint`), loaded and built on first use; in
 * its own module so only the handlers that post bundle the API Gateway Management API client, and
 * they evaluate it on their first post rather than at import.
 */
export function notifier(): Promise<ConnectionNotifier> {
  built ??= import("@matchplace/core/realtime").then(({ ConnectionNotifier: N }) => new N({ endpoint: linkedString("Realtime", "managementEndpoint") }));
  return built;
}
