import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ForeignPlayersError } from "../../domain/events/errors.js";
import { type FoldedItem, type Patch, playersKey, TERMINAL_RANK } from "../../domain/events/guard.js";
import type { ReadConsistency } from "../../domain/reads.js";
import { ItemExistsError, isConditionalCheckFailed, playersKeyOfFailedItem } from "./errors.js";
import { type PendingKind, pendingShardFor } from "./keys.js";
import { queryPending } from "./pendingQuery.js";
import { buildUpdate } from "./update.js";

/** Default retention of terminal items before TTL deletes them: 24 h. */
export const DEFAULT_RETENTION_SECONDS = 24 * 60 * 60;

/** Options of a repository of event-folded items ({@link TicketRepository}, {@link PlacementRepository}). */
export interface EventFoldedRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Seconds a terminal item is kept before TTL expiry (default 24 h). */
  readonly retentionSeconds?: number;
}

/**
 * How one kind of item is stored and folded: the only difference between tickets and placements
 * as far as storage goes. The guard, the conditional write and the pending index are shared.
 */
export interface FoldedKind<S extends string, T extends FoldedItem<S>, N, E> {
  /** `TICKET` / `PLACEMENT`: the key prefix and the `pending` GSI shard prefix. */
  readonly kind: PendingKind;
  /** How the item is named in a {@link ForeignPlayersError}. */
  readonly label: "ticket" | "placement";
  key(id: string): { pk: string; sk: string };
  /** The id of a new item. */
  idOf(item: N): string;
  /** The status a new item is stored with. */
  initialStatus(item: N): S;
  /** The id of the item an event folds into. */
  targetOf(event: E): string;
  rank(status: S): number;
  isTerminal(status: S): boolean;
  /** The domain's patch of an event at `now` (the fold). */
  patch(event: E, now: number): Patch<T>;
  /** Index keys an event sets (e.g. `gameSessionKey`); none by default. */
  indexKeysOf?(event: E): Readonly<Record<string, string>> | undefined;
  /** Maps a stored item back to the domain type. */
  fromItem(item: Record<string, unknown>): T;
}

/**
 * One repository for every item folded from GameLift events (tickets and placements are twins):
 * a conditional put creates the item, ONE conditional UpdateItem folds each event (its
 * ConditionExpression is the state machine's guard, so there is no read), terminal states absorb,
 * and non-terminal items sit in the sparse `pending` GSI for the reconciler.
 */
export class EventFoldedRepository<
  S extends string,
  T extends FoldedItem<S>,
  N extends { readonly createdAt: number },
  E,
> {
  protected readonly client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #retentionSeconds: number;
  readonly #kind: FoldedKind<S, T, N, E>;

  public constructor(options: EventFoldedRepositoryOptions, kind: FoldedKind<S, T, N, E>) {
    this.client = options.client;
    this.#tableName = options.tableName;
    this.#retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
    this.#kind = kind;
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
    const k = this.#kind;
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
      new GetCommand({ TableName: this.#tableName, Key: this.#kind.key(id), ConsistentRead: consistency === "strong" }),
    );
    return out.Item === undefined ? undefined : this.#kind.fromItem(out.Item);
  }

  /**
   * Folds one event into its item with ONE conditional UpdateItem; creates the item when missing.
   * @returns `true` when applied, `false` when the guard said no-op (terminal, duplicate, stale).
   * @throws ForeignPlayersError when the event names other players than the stored item.
   * Infrastructure errors are thrown.
   */
  public async apply(event: E, now: number): Promise<boolean> {
    const k = this.#kind;
    const id = k.targetOf(event);
    const patch = k.patch(event, now);
    const indexKeys = k.indexKeysOf?.(event);
    const parts = buildUpdate(patch, {
      pendingShard: pendingShardFor(k.kind, id),
      expiresAt: Math.floor(now / 1000) + this.#retentionSeconds,
      ...(indexKeys ? { indexKeys } : {}),
    });
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: k.key(id),
          ...parts,
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        const stored = playersKeyOfFailedItem(err);
        if (stored !== undefined && patch.guard.playersKey !== undefined && stored !== patch.guard.playersKey)
          throw new ForeignPlayersError(k.label, id);
        return false;
      }
      throw err;
    }
  }

  /**
   * Marks a non-terminal item as heard of at `now` (the reconciler looked at it), so it leaves the
   * stale window. No-op for a terminal or missing item.
   */
  public async touch(id: string, now: number): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: this.#kind.key(id),
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
   * Non-terminal items not heard of since `heardBefore` (epoch ms), via the `pending` GSI. The GSI
   * is eventually consistent, so it may still list an item that just turned terminal: such items
   * are skipped (the reconciler must never re-check a terminal item).
   */
  public async listStale(heardBefore: number, limit: number): Promise<T[]> {
    const items = await queryPending(this.client, this.#tableName, { kind: this.#kind.kind, heardBefore, limit });
    return items.map((i) => this.#kind.fromItem(i)).filter((x) => !this.#kind.isTerminal(x.status));
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
