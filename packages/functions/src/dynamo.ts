import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Party, Placement, Player, Ticket } from "@matchplace/core";
import {
  createDocumentClient,
  type ItemReader,
  partyReader,
  placementReader,
  playerReader,
  ticketReader,
} from "@matchplace/core/dynamo";
import { linkedString } from "./edge.js";

/*
 * The table every handler reaches, shared by the HTTP routes (`http/services.ts`) and the realtime
 * handlers (`realtime/services.ts`): one document client and the linked table name, each built on
 * first use and kept for the process, and the read-only item readers the polls and the WebSocket
 * resync read through (a repository's `get` without its write code, so those bundles hold no
 * repository class). Module-level function declarations with no top-level calls: esbuild drops
 * what a handler does not import.
 */

let client: DynamoDBDocumentClient | undefined;
let name: string | undefined;

/** The one DynamoDB document client every repository and reader shares (its middleware stack is the SDK client's). */
export function dynamodb(): DynamoDBDocumentClient {
  client ??= createDocumentClient();
  return client;
}

/** What a repository or reader is built with: the shared client and the linked table's name. */
export function table(): { client: DynamoDBDocumentClient; tableName: string } {
  name ??= linkedString("Table", "name");
  return { client: dynamodb(), tableName: name };
}

let playerReads: ItemReader<Player> | undefined;
/** Reads player profiles (the polls' own-write check, GET /v1/players/me, a resync's starting point). */
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
