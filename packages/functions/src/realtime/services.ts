import { type Clock, systemClock } from "@matchplace/core";
import { ConnectionRepository } from "@matchplace/core/dynamo";
import { table } from "../dynamo.js";

export { partyItems, placementItems, playerProfiles, ticketItems } from "../dynamo.js";

/*
 * What the realtime handlers use (DynamoDB only), one accessor each, built on first use from SST
 * links and kept for the process (clients are reused across invocations). A handler imports the
 * accessors it calls and esbuild drops the rest, so `$connect`/`$disconnect` bundle only the
 * connection store (test/bundle/bundleSize.test.ts keeps it so). Keep these module-level function
 * declarations with no top-level calls. The notifier (`./notifier.ts`) and the MatchEvents publisher
 * (`../events/matchEvents.ts`) are imported only by the handlers that post or publish.
 */

let connectionRepository: ConnectionRepository | undefined;
/** The players' live WebSocket connections. @example await connections().add(playerId, connectionId, clock.now()) */
export function connections(): ConnectionRepository {
  connectionRepository ??= new ConnectionRepository(table());
  return connectionRepository;
}

/** The realtime handlers' clock. */
export const clock: Clock = systemClock;
