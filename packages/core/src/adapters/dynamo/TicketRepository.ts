import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ReadConsistency } from "../../domain/reads.js";
import { gameSessionKeyOf } from "../../domain/rating/gameSession.js";
import { GAME_SESSION_INDEX, GAME_SESSION_KEY } from "./tableSchema.js";
import type { TicketEvent } from "../../domain/events/types.js";
import { ticketPatch } from "../../domain/ticket/fold.js";
import { TERMINAL_RANK } from "../../domain/events/guard.js";
import type { NewTicket, Ticket } from "../../domain/ticket/types.js";
import { isTerminalTicketStatus, ticketStatusRank } from "../../domain/ticket/status.js";
import { ItemExistsError, isConditionalCheckFailed, playersKeyOfFailedItem } from "./errors.js";
import { ForeignPlayersError } from "../../domain/events/errors.js";
import { playersKey } from "../../domain/events/guard.js";
import { pendingShardFor, ticketKey } from "./keys.js";
import { ticketFromItem } from "./ticketItem.js";
import { buildUpdate } from "./update.js";
import { queryPending } from "./pendingQuery.js";

/** Default retention of terminal items before TTL deletes them: 24 h. */
export const DEFAULT_RETENTION_SECONDS = 24 * 60 * 60;

/** Options for {@link TicketRepository}. */
export interface TicketRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Seconds a terminal ticket is kept before TTL expiry (default 24 h). */
  readonly retentionSeconds?: number;
}

/**
 * Ticket items in the single table (pk `TICKET#<id>`, sk `TICKET`).
 * @example
 * const tickets = new TicketRepository({ client: createDocumentClient(), tableName: Resource.Table.name });
 * await tickets.create({ ticketId, configurationName, playerIds, players, createdAt: Date.now() });
 */
export class TicketRepository {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #retentionSeconds: number;

  public constructor(options: TicketRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
  }

  /** The table this repository writes. */
  public get tableName(): string {
    return this.#tableName;
  }

  /** Seconds terminal items are kept. */
  public get retentionSeconds(): number {
    return this.#retentionSeconds;
  }

  /**
   * Stores a new ticket (status QUEUED unless given) with a conditional put.
   * Write it BEFORE calling StartMatchmaking with the same TicketId, so that events always find it.
   * `heardAt`/`updatedAt` are `createdAt`.
   * @throws ItemExistsError when a ticket with this id is already stored (e.g. an event came first).
   */
  public async create(ticket: NewTicket): Promise<Ticket> {
    const status = ticket.status ?? "QUEUED";
    const stored: Ticket = {
      ...ticket,
      status,
      updatedAt: ticket.createdAt,
      heardAt: ticket.createdAt,
      eventIds: [],
      version: 1,
    };
    const terminal = isTerminalTicketStatus(status);
    const item = {
      ...stored,
      ...ticketKey(ticket.ticketId),
      ...withPlayersKey(ticket.playerIds),
      statusRank: ticketStatusRank(status),
      ...(terminal
        ? { expiresAt: Math.floor(ticket.createdAt / 1000) + this.#retentionSeconds }
        : { pendingShard: pendingShardFor("TICKET", ticket.ticketId) }),
    };
    try {
      await this.#client.send(
        new PutCommand({ TableName: this.#tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        // A retried put whose first attempt landed (e.g. after a request timeout) is our own item.
        const existing = await this.get(ticket.ticketId);
        if (existing && existing.createdAt === ticket.createdAt && sameIds(existing.playerIds, ticket.playerIds))
          return existing;
        throw new ItemExistsError("TICKET", ticket.ticketId, { cause: err });
      }
      throw err;
    }
    return stored;
  }

  /** Reads a ticket (strongly consistent unless `consistency` is `"eventual"`). Returns `undefined` when none is stored. */
  public async get(ticketId: string, consistency: ReadConsistency = "strong"): Promise<Ticket | undefined> {
    const out = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: ticketKey(ticketId),
        ConsistentRead: consistency === "strong",
      }),
    );
    return out.Item === undefined ? undefined : ticketFromItem(out.Item);
  }

  /**
   * Folds one event into its ticket with ONE conditional UpdateItem; the ConditionExpression is the
   * state machine's guard, so there is no read. Creates the ticket when it is not stored yet.
   * @returns `true` when applied, `false` when the guard said no-op (terminal, duplicate, stale).
   * Infrastructure errors are thrown.
   */
  public async apply(event: TicketEvent, now: number): Promise<boolean> {
    const patch = ticketPatch(event, now);
    const parts = buildUpdate(patch, {
      pendingShard: pendingShardFor("TICKET", event.ticketId),
      expiresAt: Math.floor(now / 1000) + this.#retentionSeconds,
      ...(event.connection ? { indexKeys: { gameSessionKey: gameSessionKeyOf(event.connection.gameSessionArn) } } : {}),
    });
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: ticketKey(event.ticketId),
          ...parts,
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        const stored = playersKeyOfFailedItem(err);
        if (stored !== undefined && patch.guard.playersKey !== undefined && stored !== patch.guard.playersKey)
          throw new ForeignPlayersError("ticket", event.ticketId);
        return false;
      }
      throw err;
    }
  }

  /**
   * Marks a non-terminal ticket as heard of at `now` (the reconciler looked at it), so it leaves
   * the stale window. No-op for a terminal or missing ticket.
   */
  public async touch(ticketId: string, now: number): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: ticketKey(ticketId),
          UpdateExpression: "SET heardAt = :now",
          ConditionExpression: "attribute_exists(pk) AND statusRank < :term",
          ExpressionAttributeValues: { ":now": now, ":term": TERMINAL_RANK },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  /**
   * The tickets placed into a game session, via the sparse `gameSession` GSI (eventually consistent:
   * a result reported within a second of placement may not see them yet). `gameSessionId` is the
   * ARN or its last path segment; with an ARN, only tickets of exactly that session are returned.
   */
  public async listByGameSession(gameSessionId: string): Promise<Ticket[]> {
    const key = gameSessionKeyOf(gameSessionId);
    const out: Ticket[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          IndexName: GAME_SESSION_INDEX,
          KeyConditionExpression: "#k = :k",
          ExpressionAttributeNames: { "#k": GAME_SESSION_KEY },
          ExpressionAttributeValues: { ":k": key },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      out.push(...(page.Items ?? []).map(ticketFromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return gameSessionId.startsWith("arn:") ? out.filter((t) => t.connection?.gameSessionArn === gameSessionId) : out;
  }

  /** Non-terminal tickets not heard of since `heardBefore` (epoch ms), via the `pending` GSI. */
  public async listStale(heardBefore: number, limit: number): Promise<Ticket[]> {
    const items = await queryPending(this.#client, this.#tableName, { kind: "TICKET", heardBefore, limit });
    return items.map(ticketFromItem);
  }
}

/** Same ids in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The `playersKey` attribute of an item naming these players (none when there are none). */
export function withPlayersKey(playerIds: readonly string[]): { playersKey?: string } {
  const key = playersKey(playerIds);
  return key === undefined ? {} : { playersKey: key };
}
