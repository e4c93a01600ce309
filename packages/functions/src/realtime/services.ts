import { ConnectionRepository, createDocumentClient, PartyRepository, PlacementRepository, PlayerRepository, TicketRepository } from "@matchplace/core/dynamo";
import { ConnectionNotifier, type MatchEventPublisher } from "@matchplace/core/realtime";
import { matchEventPublisher } from "../events/matchEvents.js";
import { linkedString } from "../events/linked.js";

/** What the realtime handlers use, built once per process from SST links. */
export interface RealtimeServices {
  readonly connections: ConnectionRepository;
  readonly players: PlayerRepository;
  readonly tickets: TicketRepository;
  readonly placements: PlacementRepository;
  readonly parties: PartyRepository;
  /** Posts to connections (`Resource.Realtime.managementEndpoint`). */
  notifier(): ConnectionNotifier;
  /** Publishes to the MatchEvents topic (`Resource.MatchEvents.arn`). */
  publisher(): MatchEventPublisher;
  readonly now: () => number;
}

let built: RealtimeServices | undefined;

/**
 * The process-wide realtime services; clients are reused across invocations. The notifier and the
 * publisher are built on first use, so `$connect`/`$disconnect` need no link to them.
 * @example const { connections } = realtimeServices();
 */
export function realtimeServices(): RealtimeServices {
  if (built) return built;
  const tableName = linkedString("Table", "name");
  const client = createDocumentClient();
  let notifier: ConnectionNotifier | undefined;
  built = {
    connections: new ConnectionRepository({ client, tableName }),
    players: new PlayerRepository({ client, tableName }),
    tickets: new TicketRepository({ client, tableName }),
    placements: new PlacementRepository({ client, tableName }),
    parties: new PartyRepository({ client, tableName }),
    notifier: () => (notifier ??= new ConnectionNotifier({ endpoint: linkedString("Realtime", "managementEndpoint") })),
    publisher: matchEventPublisher,
    now: () => Date.now(),
  };
  return built;
}
