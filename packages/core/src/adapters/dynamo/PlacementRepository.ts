import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { eventIdsFromItem, isEventIdAttribute } from "./eventIdSlots.js";
import type { ReadConsistency } from "../../domain/reads.js";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { PlacementEvent } from "../../domain/events/types.js";
import { placementPatch } from "../../domain/placement/fold.js";
import {
  PLACEMENT_STATUSES,
  isTerminalPlacementStatus,
  placementStatusRank,
  type NewPlacement,
  type Placement,
  type PlacementPlayer,
} from "../../domain/placement/types.js";
import type { Connection } from "../../domain/ticket/types.js";
import { TERMINAL_RANK } from "../../domain/events/guard.js";
import { ItemExistsError, isConditionalCheckFailed, playersKeyOfFailedItem } from "./errors.js";
import { ForeignPlayersError } from "../../domain/events/errors.js";
import { pendingShardFor, placementKey } from "./keys.js";
import { buildUpdate } from "./update.js";
import { queryPending } from "./pendingQuery.js";
import { DEFAULT_RETENTION_SECONDS, sameIds, withPlayersKey } from "./TicketRepository.js";

/** Options for {@link PlacementRepository}. */
export interface PlacementRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Seconds a terminal placement is kept before TTL expiry (default 24 h). */
  readonly retentionSeconds?: number;
}

const INTERNAL = new Set(["pk", "sk", "statusRank", "pendingShard", "expiresAt", "playersKey", "eventIds"]);

/** Maps a stored item back to a {@link Placement}. */
export function placementFromItem(item: Record<string, unknown>): Placement {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k) && !isEventIdAttribute(k)) out[k] = v;
  return {
    ...(out as Partial<Placement>),
    placementId: String(item["placementId"]),
    queueName: String(item["queueName"] ?? ""),
    status: PLACEMENT_STATUSES.find((s) => s === item["status"]) ?? "PENDING",
    playerIds: Array.isArray(item["playerIds"]) ? (item["playerIds"] as string[]) : [],
    players: (item["players"] ?? {}) as Record<string, PlacementPlayer>,
    createdAt: Number(item["createdAt"] ?? 0),
    updatedAt: Number(item["updatedAt"] ?? 0),
    heardAt: Number(item["heardAt"] ?? 0),
    ...(item["eventAt"] === undefined ? {} : { eventAt: Number(item["eventAt"]) }),
    eventIds: eventIdsFromItem(item),
    version: Number(item["version"] ?? 0),
    ...(item["connection"] === undefined ? {} : { connection: item["connection"] as Connection }),
  };
}

/**
 * Placement items in the single table (pk `PLACEMENT#<id>`, sk `PLACEMENT`), with the same
 * guarantees as tickets: one conditional UpdateItem per event, terminal states absorb.
 */
export class PlacementRepository {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #retentionSeconds: number;

  public constructor(options: PlacementRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
  }

  /**
   * Stores a new PENDING placement (conditional put). Write it before StartGameSessionPlacement.
   * @throws ItemExistsError when the id is taken.
   */
  public async create(placement: NewPlacement): Promise<Placement> {
    const stored: Placement = {
      ...placement,
      status: "PENDING",
      updatedAt: placement.createdAt,
      heardAt: placement.createdAt,
      eventIds: [],
      version: 1,
    };
    const item = {
      ...stored,
      ...placementKey(placement.placementId),
      ...withPlayersKey(placement.playerIds),
      statusRank: placementStatusRank("PENDING"),
      pendingShard: pendingShardFor("PLACEMENT", placement.placementId),
    };
    try {
      await this.#client.send(
        new PutCommand({ TableName: this.#tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        // A retried put whose first attempt landed (e.g. after a request timeout) is our own item.
        const existing = await this.get(placement.placementId);
        if (existing && existing.createdAt === placement.createdAt && sameIds(existing.playerIds, placement.playerIds))
          return existing;
        throw new ItemExistsError("PLACEMENT", placement.placementId, { cause: err });
      }
      throw err;
    }
    return stored;
  }

  /** Reads a placement (strongly consistent unless `consistency` is `"eventual"`); `undefined` when none is stored. */
  public async get(placementId: string, consistency: ReadConsistency = "strong"): Promise<Placement | undefined> {
    const out = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: placementKey(placementId),
        ConsistentRead: consistency === "strong",
      }),
    );
    return out.Item === undefined ? undefined : placementFromItem(out.Item);
  }

  /**
   * Folds one placement event with one conditional UpdateItem (creates the item when missing).
   * @returns `false` when the guard made it a no-op. Infrastructure errors are thrown.
   */
  public async apply(event: PlacementEvent, now: number): Promise<boolean> {
    const patch = placementPatch(event, now);
    const parts = buildUpdate(patch, {
      pendingShard: pendingShardFor("PLACEMENT", event.placementId),
      expiresAt: Math.floor(now / 1000) + this.#retentionSeconds,
    });
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: placementKey(event.placementId),
          ...parts,
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        const stored = playersKeyOfFailedItem(err);
        if (stored !== undefined && patch.guard.playersKey !== undefined && stored !== patch.guard.playersKey)
          throw new ForeignPlayersError("placement", event.placementId);
        return false;
      }
      throw err;
    }
  }

  /** Marks a non-terminal placement as heard of at `now`; no-op when terminal or missing. */
  public async touch(placementId: string, now: number): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: placementKey(placementId),
          UpdateExpression: "SET heardAt = :now",
          ConditionExpression: "attribute_exists(pk) AND statusRank < :term",
          ExpressionAttributeValues: { ":now": now, ":term": TERMINAL_RANK },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  /** Non-terminal placements not heard of since `heardBefore`, via the `pending` GSI. */
  public async listStale(heardBefore: number, limit: number): Promise<Placement[]> {
    const items = await queryPending(this.#client, this.#tableName, { kind: "PLACEMENT", heardBefore, limit });
    return items.map(placementFromItem).filter((p) => !isTerminalPlacementStatus(p.status));
  }
}
