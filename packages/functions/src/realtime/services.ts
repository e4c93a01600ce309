import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type Clock, type Party, type Placement, type Player, systemClock, type Ticket } from "@matchplace/core";
import {
  ConnectionRepository,
  createDocumentClient,
  type ItemReader,
  partyReader,
  placementReader,
  playerReader,
  ticketReader,
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

/*
 * What a resync reads: the repositories' `get` only (no write code in the `$default` bundle).
 */

let playerReads: ItemReader<Player> | undefined;
/** Reads player profiles (resync starts from the player's current ticket, placement and party). */
export function playerProfiles(): ItemReader<Player> {
  playerReads ??= playerReader(table());
  return playerReads;
}

let ticketReads: ItemReader<Ticket> | undefined;
/** Reads tickets. */
export function ticketItems(): ItemReader<Ticket> {
  ticketReads ??= ticketReader(table());
  return ticketReads;
}

let placementReads: ItemReader<Placement> | undefined;
/** Reads placements. */
export function placementItems(): ItemReader<Placement> {
  placementReads ??= placementReader(table());
  return placementReads;
}

let partyReads: ItemReader<Party> | undefined;
/** Reads parties. */
export function partyItems(): ItemReader<Party> {
  partyReads ??= partyReader(table());
  return partyReads;
}

/** The realtime handlers' clock. */
export const clock: Clock = systemClock;
