import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type FoldedItem, playersKey } from "../../domain/events/guard.js";
import type { ReadConsistency } from "../../domain/reads.js";
import { ItemExistsError, isConditionalCheckFailed } from "./errors.js";
import { type PendingKind, pendingShardFor } from "./keys.js";

/** Default retention of terminal items before TTL deletes them: 24 h. */
export const DEFAULT_RETENTION_SECONDS = 24 * 60 * 60;

/** Options of a store of event-folded items ({@link EventFoldedStore} and the repositories on it). */
export interface EventFoldedStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Seconds a terminal item is kept before TTL expiry (default 24 h). */
  readonly retentionSeconds?: number;
}

/** How one kind of event-folded item is stored and read back (the fold's part: `FoldedKind`). */
export interface StoredKind<S extends string, T extends FoldedItem<S>, N> {
  /** `TICKET` / `PLACEMENT`: the key prefix and the `pending` GSI shard prefix. */
  readonly kind: PendingKind;
  /** How the item is named in errors. */
  readonly label: "ticket" | "placement";
  key(id: string): { pk: string; sk: string };
  /** The id of a new item. */
  idOf(item: N): string;
  /** The status a new item is stored with. */
  initialStatus(item: N): S;
  rank(status: S): number;
  isTerminal(status: S): boolean;
  /** Maps a stored item back to the domain type. */
  fromItem(item: Record<string, unknown>): T;
}

/**
 * The creating half of an event-folded repository: stores a new ticket or placement (a conditional
 * put, in the `pending` GSI until terminal) and reads it back. The routes that start a ticket or a
 * placement need no more, so they bundle none of the fold (`EventFoldedRepository` adds it).
 */
export class EventFoldedStore<
  S extends string,
  T extends FoldedItem<S>,
  N extends { readonly createdAt: number },
  K extends StoredKind<S, T, N> = StoredKind<S, T, N>,
> {
  protected readonly client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #retentionSeconds: number;
  /** How this kind of item is stored (and, in a repository, folded). */
  protected readonly kind: K;

  public constructor(options: EventFoldedStoreOptions, kind: K) {
    this.client = options.client;
    this.#tableName = options.tableName;
    this.#retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
    this.kind = kind;
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
   * Stores a new item with a conditional put. Write it BEFORE calling GameLift with the same id, so
   * that events always find it. `heardAt`/`updatedAt` are `createdAt`.
   * @throws ItemExistsError when an item with this id is already stored (e.g. an event came first).
   */
  public async create(input: N): Promise<T> {
    const k = this.kind;
    const id = k.idOf(input);
    const status = k.initialStatus(input);
    const stored = {
      ...input,
      status,
      updatedAt: input.createdAt,
      heardAt: input.createdAt,
      eventIds: [],
      version: 1,
    } as unknown as T;
    const item = {
      ...stored,
      ...k.key(id),
      ...withPlayersKey(stored.playerIds),
      statusRank: k.rank(status),
      ...(k.isTerminal(status)
        ? { expiresAt: Math.floor(input.createdAt / 1000) + this.#retentionSeconds }
        : { pendingShard: pendingShardFor(k.kind, id) }),
    };
    try {
      await this.client.send(
        new PutCommand({ TableName: this.#tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        // A retried put whose first attempt landed (e.g. after a request timeout) is our own item.
        const existing = await this.get(id);
        if (existing && existing.createdAt === input.createdAt && sameIds(existing.playerIds, stored.playerIds))
          return existing;
        throw new ItemExistsError(k.kind, id, { cause: err });
      }
      throw err;
    }
    return stored;
  }

  /** Reads an item (strongly consistent unless `consistency` is `"eventual"`); `undefined` when none is stored. */
  public async get(id: string, consistency: ReadConsistency = "strong"): Promise<T | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.#tableName, Key: this.kind.key(id), ConsistentRead: consistency === "strong" }),
    );
    return out.Item === undefined ? undefined : this.kind.fromItem(out.Item);
  }
}

/** Same ids in the same order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The `playersKey` attribute of an item naming these players (none when there are none). */
function withPlayersKey(playerIds: readonly string[]): { playersKey?: string } {
  const key = playersKey(playerIds);
  return key === undefined ? {} : { playersKey: key };
}
