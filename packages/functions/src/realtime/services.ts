import { type Clock, systemClock } from "@matchplace/core";
import {
  ConnectionRepository,
  createDocumentClient,
  PartyRepository,
  PlacementRepository,
  PlayerRepository,
  TicketRepository,
} from "@matchplace/core/dynamo";
import { linkedString } from "../edge.js";

/** What the realtime handlers use, built once per process from SST links. */
export interface RealtimeServices {
  readonly connections: ConnectionRepository;
  readonly players: PlayerRepository;
  readonly tickets: TicketRepository;
  readonly placements: PlacementRepository;
  readonly parties: PartyRepository;
  readonly clock: Clock;
}

let built: RealtimeServices | undefined;

/**
 * The process-wide realtime services (DynamoDB only); clients are reused across invocations. The
 * notifier (`./notifier.ts`) and the MatchEvents publisher (`../events/matchEvents.ts`) are
 * imported only by the handlers that post or publish, so `$connect`/`$disconnect` neither bundle
 * nor load those clients.
 * @example const { connections } = realtimeServices();
 */
export function realtimeServices(): RealtimeServices {
  if (built) return built;
  const tableName = linkedString("Table", "name");
  const client = createDocumentClient();
  built = {
    connections: new ConnectionRepository({ client, tableName }),
    players: new PlayerRepository({ client, tableName }),
    tickets: new TicketRepository({ client, tableName }),
    placements: new PlacementRepository({ client, tableName }),
    parties: new PartyRepository({ client, tableName }),
    clock: systemClock,
  };
  return built;
}
