import { ConnectionNotifier } from "@matchplace/core/realtime";
import { linkedString } from "../edge.js";

let built: ConnectionNotifier | undefined;

/**
 * Posts to connections (`Resource.Realtime.managementEndpoint`), built on first use; in its own
 * module so only the handlers that post bundle the API Gateway Management API client.
 */
export function notifier(): ConnectionNotifier {
  built ??= new ConnectionNotifier({ endpoint: linkedString("Realtime", "managementEndpoint") });
  return built;
}
