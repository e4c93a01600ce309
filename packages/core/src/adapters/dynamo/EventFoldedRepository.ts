import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ForeignPlayersError } from "../../domain/events/errors.js";
import { type FoldedItem, type Patch, TERMINAL_RANK } from "../../domain/events/guard.js";
import { isConditionalCheckFailed, playersKeyOfFailedItem } from "./errors.js";
import { EventFoldedStore, type EventFoldedStoreOptions, type StoredKind } from "./EventFoldedStore.js";
import { pendingShardFor } from "./keys.js";
import { queryPending } from "./pendingQuery.js";
import { buildUpdate } from "./update.js";

/** Options of a repository of event-folded items ({@link TicketRepository}, {@link PlacementRepository}). */
export type EventFoldedRepositoryOptions = EventFoldedStoreOptions;

/**
 * How one kind of item is stored and folded: the only difference between tickets and placements
 * as far as storage goes. The guard, the conditional write and the pending index are shared.
 */
export interface FoldedKind<S extends string, T extends FoldedItem<S>, N, E> extends StoredKind<S, T, N> {
  /** The id of the item an event folds into. */
  targetOf(event: E): string;
  /** The domain's patch of an event at `now` (the fold). */
  patch(event: E, now: number): Patch<T>;
  /** Index keys an event sets (e.g. `gameSessionKey`); none by default. */
  indexKeysOf?(event: E): Readonly<Record<string, string>> | undefined;
}

/**
 * One repository for every item folded from GameLift events (tickets and placements are twins):
 * a conditional put creates the item ({@link EventFoldedStore}), ONE conditional UpdateItem folds
 * each event (its ConditionExpression is the state machine's guard, so there is no read), terminal
 * states absorb, and non-terminal items sit in the sparse `pending` GSI for the reconciler.
 */
export class EventFoldedRepository<
  S extends string,
  T extends FoldedItem<S>,
  N extends { readonly createdAt: number },
  E,
> extends EventFoldedStore<S, T, N, FoldedKind<S, T, N, E>> {
  /**
   * Folds one event into its item with ONE conditional UpdateItem; creates the item when missing.
   * @returns `true` when applied, `false` when the guard said no-op (terminal, duplicate, stale).
   * @throws ForeignPlayersError when the event names other players than the stored item.
   * Infrastructure errors are thrown.
   */
  public async apply(event: E, now: number): Promise<boolean> {
    const k = this.kind;
    const id = k.targetOf(event);
    const patch = k.patch(event, now);
    const indexKeys = k.indexKeysOf?.(event);
    const parts = buildUpdate(patch, {
      pendingShard: pendingShardFor(k.kind, id),
      expiresAt: Math.floor(now / 1000) + this.retentionSeconds,
      ...(indexKeys ? { indexKeys } : {}),
    });
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
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
          TableName: this.tableName,
          Key: this.kind.key(id),
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
    const items = await queryPending(this.client, this.tableName, { kind: this.kind.kind, heardBefore, limit });
    return items.map((i) => this.kind.fromItem(i)).filter((x) => !this.kind.isTerminal(x.status));
  }
}
