import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
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

/*
 * What the realtime handlers use (DynamoDB only), one accessor each, built on first use from SST
 * links and kept for the process (clients are reused across invocations). A handler imports the
 * accessors it calls and esbuild drops the rest, so `$connect`/`$disconnect` bundle only the
 * connection store (test/bundle/bundleSize.test.ts keeps it so). Keep these module-level function
 * declarations with no top-level calls. The notifier (`./notifier.ts`) and the MatchEvents publisher
 * (`../events/matchEvents.ts`) are imported only by the handlers that post or publish.
 */

let client: DynamoDBDocumentClient | undefined;
let tableName: string | undefined;

const table = (): { client: DynamoDBDocumentClient; tableName: string } => {
  tableName ??= linkedString("Table", "name");
  client ??= createDocumentClient();
  return { client, tableName };
};

let connectionRepository: ConnectionRepository | undefined;
/** The players' live WebSocket connections. @example await connections().add(playerId, connectionId, clock.now()) */
export function connections(): ConnectionRepository {
  connectionRepository ??= new ConnectionRepository(table());
  return connectionRepository;
}

let playerRepository: PlayerRepository | undefined;
/** Player profiles (resync reads the player's current ticket, placement and party from it). */
export function players(): PlayerRepository {
  playerRepository ??= new PlayerRepository(table());
  return playerRepository;
}

let ticketRepository: TicketRepository | undefined;
/** Matchmaking tickets. */
export function tickets(): TicketRepository {
  ticketRepository ??= new TicketRepository(table());
  return ticketRepository;
}

let placementRepository: PlacementRepository | undefined;
/** Game session placements. */
export function placements(): PlacementRepository {
  placementRepository ??= new PlacementRepository(table());
  return placementRepository;
}

let partyRepository: PartyRepository | undefined;
/** Parties. */
export function parties(): PartyRepository {
  partyRepository ??= new PartyRepository(table());
  return partyRepository;
}

/** The realtime handlers' clock. */
export const clock: Clock = systemClock;
