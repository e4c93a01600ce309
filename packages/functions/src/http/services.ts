import { randomBytes as cryptoRandomBytes, randomUUID } from "node:crypto";
import { type Clock, systemClock } from "@matchplace/core";
import {
  GameSessionTicketIndex,
  IdempotencyStore,
  MatchResultRepository,
  PartyRepository,
  pingTable as pingDynamoTable,
  PlacementRepository,
  PlayerRepository,
  RateLimitStore,
  PlacementStore,
  TicketStore,
} from "@matchplace/core/dynamo";
import { table } from "../dynamo.js";
import { type LinkedNames, linkedNames, numberSetting } from "../edge.js";

export { dynamodb, partyItems, placementItems, playerProfiles, ticketItems } from "../dynamo.js";

/*
 * What the routes share, one accessor each, every one built on first use and kept for the process
 * (clients are reused across invocations): DynamoDB only. A handler imports the accessors its route
 * uses, and esbuild drops the others with the repository classes only they construct, so no handler
 * bundles or loads a repository it never calls (test/bundle/bundleSize.test.ts keeps it so).
 * Keep these module-level function declarations with no top-level calls: a side-effecting statement
 * here would be kept in every bundle. GameLift is `./gamelift.ts`, MatchEvents `../events/matchEvents.ts`.
 */

let names: LinkedNames | undefined;

/** The stage's linked names (table, default configuration and queue), read on first use. */
export function stageNames(): LinkedNames {
  names ??= linkedNames();
  return names;
}

let playerRepository: PlayerRepository | undefined;
/** Player profiles (ratings, preferences, the active ticket and party). @example pollProfile({ players: players() }, id) */
export function players(): PlayerRepository {
  playerRepository ??= new PlayerRepository(table());
  return playerRepository;
}

let partyRepository: PartyRepository | undefined;
/** Parties and their join codes. */
export function parties(): PartyRepository {
  partyRepository ??= new PartyRepository(table());
  return partyRepository;
}

let builtTicketStore: TicketStore | undefined;
/** Matchmaking tickets, stored and read without their fold (what a start needs). */
export function ticketStore(): TicketStore {
  builtTicketStore ??= new TicketStore(table());
  return builtTicketStore;
}

let gameSessionIndex: GameSessionTicketIndex | undefined;
/** The tickets of a game session (the game-server routes). */
export function gameSessionTickets(): GameSessionTicketIndex {
  gameSessionIndex ??= new GameSessionTicketIndex(table());
  return gameSessionIndex;
}

let placementRepository: PlacementRepository | undefined;
/** Game session placements. */
export function placements(): PlacementRepository {
  placementRepository ??= new PlacementRepository(table());
  return placementRepository;
}

let builtPlacementStore: PlacementStore | undefined;
/** Game session placements, stored and read without their fold (what a placement start needs). */
export function placementStore(): PlacementStore {
  builtPlacementStore ??= new PlacementStore(table());
  return builtPlacementStore;
}

let idempotencyRepository: IdempotencyStore | undefined;
/** Idempotency-Key records of the mutating routes. */
export function idempotencyStore(): IdempotencyStore {
  idempotencyRepository ??= new IdempotencyStore(table());
  return idempotencyRepository;
}

let rateLimitRepository: RateLimitStore | undefined;
/** The per-player write limit's counters. */
export function rateLimitStore(): RateLimitStore {
  rateLimitRepository ??= new RateLimitStore(table());
  return rateLimitRepository;
}

let resultRepository: MatchResultRepository | undefined;
/** Recorded match results (and the rating writes that go with them). */
export function results(): MatchResultRepository {
  resultRepository ??= new MatchResultRepository(table());
  return resultRepository;
}

/** Reads one key of the table (health check); throws when DynamoDB does not answer. */
export function pingTable(abortSignal?: AbortSignal): Promise<void> {
  const { client, tableName } = table();
  return pingDynamoTable(client, tableName, abortSignal);
}

/** The routes' clock. */
export const clock: Clock = systemClock;

/** A fresh id (ticket, party, placement). */
export function newId(): string {
  return randomUUID();
}

/** `n` cryptographically random bytes (party join codes). */
export function randomBytes(n: number): Uint8Array {
  return cryptoRandomBytes(n);
}

/** Live placements a player may be on at once: `MATCHPLACE_PLACEMENT_QUOTA`, default 1. */
export function placementQuota(): number {
  return Math.floor(numberSetting("MATCHPLACE_PLACEMENT_QUOTA", 1));
}
