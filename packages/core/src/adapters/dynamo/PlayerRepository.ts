import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../../errors.js";
import type { PlayerLockPort } from "../../domain/matchmaking/ports.js";
import type { PlacementPlayersPort } from "../../domain/placement-request/ports.js";
import type { PlayerPort } from "../../domain/player/ports.js";
import type { ResultPlayersPort } from "../../domain/rating/ports.js";
import type { ReadConsistency } from "../../domain/reads.js";
import { newPlayer, type Player, type PlayerAttributeValue } from "../../domain/player/types.js";
import { isConditionalCheckFailed } from "./errors.js";
import { isTransactionConflict, playerKey } from "./apiKeys.js";
import { playerFromItem } from "./playerItem.js";

/** Options of {@link PlayerRepository}. */
export interface PlayerRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** One member of an activeTicketId claim: `expected` = the (terminal) ticket id it may replace. */
export interface TicketClaim {
  readonly playerId: string;
  readonly expected?: string;
}

/** A placement slot as stored in `activePlacements`: `<placementId>@<claimed epoch ms>`. */
function placementSlot(placementId: string, claimedAt: number): string {
  return `${placementId}@${claimedAt}`;
}

/**
 * Player profiles (pk `PLAYER#<id>`, sk `PROFILE`), including the `activeTicketId` lock that makes
 * "one active ticket per player" atomic.
 * @example
 * const players = new PlayerRepository({ client: createDocumentClient(), tableName });
 * const me = await players.getOrCreate("p1", Date.now());
 */
export class PlayerRepository implements PlayerPort, PlayerLockPort, PlacementPlayersPort, ResultPlayersPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: PlayerRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /** Reads a profile (strongly consistent unless `consistency` is `"eventual"`); `undefined` when the player was never seen. */
  public async get(playerId: string, consistency: ReadConsistency = "strong"): Promise<Player | undefined> {
    const out = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: playerKey(playerId),
        ConsistentRead: consistency === "strong",
      }),
    );
    return out.Item === undefined ? undefined : playerFromItem(out.Item);
  }

  /** Reads a profile, creating it with defaults (skill 1000) on first sight. */
  public async getOrCreate(playerId: string, now: number): Promise<Player> {
    const existing = await this.get(playerId);
    if (existing) return existing;
    const fresh = newPlayer(playerId, now);
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: { ...playerKey(playerId), ...fresh },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return fresh;
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      // A concurrent first request created it: read theirs.
      return (await this.get(playerId)) ?? fresh;
    }
  }

  /** Replaces the client-settable preferences (already validated against the rule set). */
  public async setPreferences(
    playerId: string,
    preferences: Readonly<Record<string, PlayerAttributeValue>>,
    now: number,
  ): Promise<Player> {
    await this.getOrCreate(playerId, now);
    const out = await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: playerKey(playerId),
        UpdateExpression: "SET preferences = :p, updatedAt = :now",
        ExpressionAttributeValues: { ":p": preferences, ":now": now },
        ReturnValues: "ALL_NEW",
      }),
    );
    return playerFromItem(out.Attributes ?? {});
  }

  /**
   * Atomically points every member's `activeTicketId` at `ticketId`. A member qualifies when it has
   * no active ticket, or its active ticket is the `expected` (terminal) one being taken over.
   * Missing profiles are created with defaults in the same write.
   * @throws ConflictError `ACTIVE_TICKET_EXISTS` when any member's condition fails (all or nothing).
   */
  public async claimActiveTicket(ticketId: string, claims: readonly TicketClaim[], now: number): Promise<void> {
    const updates = claims.map((c) => {
      // Condition: no lock, or exactly the stale lock we read (so a concurrent take-over loses).
      const condition =
        c.expected === undefined ? "attribute_not_exists(activeTicketId)" : "activeTicketId = :expected";
      return {
        TableName: this.#tableName,
        Key: playerKey(c.playerId),
        UpdateExpression:
          "SET activeTicketId = :t, activeTicketAt = :now, updatedAt = :now, playerId = :pid, " +
          "skill = if_not_exists(skill, :skill), preferences = if_not_exists(preferences, :prefs), createdAt = if_not_exists(createdAt, :now)",
        ConditionExpression: condition,
        ExpressionAttributeValues: {
          ":t": ticketId,
          ":now": now,
          ":pid": c.playerId,
          ":skill": newPlayer(c.playerId, now).skill,
          ":prefs": {},
          ...(c.expected === undefined ? {} : { ":expected": c.expected }),
        },
      };
    });
    try {
      if (updates.length === 1) await this.#client.send(new UpdateCommand(updates[0] as (typeof updates)[number]));
      else await this.#client.send(new TransactWriteCommand({ TransactItems: updates.map((Update) => ({ Update })) }));
    } catch (err) {
      if (isConditionalCheckFailed(err) || isTransactionConflict(err)) {
        throw new ConflictError("ACTIVE_TICKET_EXISTS", "A player already has an active matchmaking ticket", {
          cause: err,
        });
      }
      throw err;
    }
  }

  /** Points each existing profile's `lastPlacementId` at a new placement (players never seen are skipped). */
  public async recordPlacement(placementId: string, playerIds: readonly string[], now: number): Promise<void> {
    await this.#updateEachIf(playerIds, {
      UpdateExpression: "SET lastPlacementId = :p, updatedAt = :now",
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":p": placementId, ":now": now },
    });
  }

  /**
   * Claims a live-placement slot for every member: adds `<placementId>@<now>` to each member's
   * `activePlacements` string set, on the condition that the set holds fewer than `quota` entries.
   * One conditional write (a transaction for a party), so N parallel claims admit exactly `quota`.
   * Missing profiles are created with defaults in the same write.
   * @throws ConflictError `PLACEMENT_QUOTA_EXCEEDED` when any member is at the quota (all or nothing).
   */
  public async claimPlacementSlot(
    placementId: string,
    playerIds: readonly string[],
    quota: number,
    now: number,
  ): Promise<void> {
    const updates = playerIds.map((playerId) => ({
      TableName: this.#tableName,
      Key: playerKey(playerId),
      UpdateExpression:
        "ADD activePlacements :slot SET updatedAt = :now, playerId = :pid, " +
        "skill = if_not_exists(skill, :skill), preferences = if_not_exists(preferences, :prefs), createdAt = if_not_exists(createdAt, :now)",
      ConditionExpression: "attribute_not_exists(activePlacements) OR size(activePlacements) < :quota",
      ExpressionAttributeValues: {
        ":slot": new Set([placementSlot(placementId, now)]),
        ":now": now,
        ":pid": playerId,
        ":skill": newPlayer(playerId, now).skill,
        ":prefs": {},
        ":quota": quota,
      },
    }));
    try {
      if (updates.length === 1) await this.#client.send(new UpdateCommand(updates[0] as (typeof updates)[number]));
      else await this.#client.send(new TransactWriteCommand({ TransactItems: updates.map((Update) => ({ Update })) }));
    } catch (err) {
      if (isConditionalCheckFailed(err) || isTransactionConflict(err)) {
        throw new ConflictError(
          "PLACEMENT_QUOTA_EXCEEDED",
          `A player already has ${quota} live placement(s); wait for one to end or cancel it`,
          {
            cause: err,
            details: { quota },
          },
        );
      }
      throw err;
    }
  }

  /** Frees the given `activePlacements` slots (exact stored strings) of one player; unknown ones are ignored. */
  public async releasePlacementSlots(playerId: string, slots: readonly string[]): Promise<void> {
    if (slots.length === 0) return;
    await this.#client
      .send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: playerKey(playerId),
          UpdateExpression: "DELETE activePlacements :slots",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":slots": new Set(slots) },
        }),
      )
      .catch((err: unknown) => {
        if (!isConditionalCheckFailed(err)) throw err;
      });
  }

  /** Clears `activeTicketId` on each player still pointing at `ticketId`; others are left alone. */
  public async releaseActiveTicket(ticketId: string, playerIds: readonly string[]): Promise<void> {
    await this.#updateEachIf(playerIds, {
      UpdateExpression: "REMOVE activeTicketId, activeTicketAt",
      ConditionExpression: "activeTicketId = :t",
      ExpressionAttributeValues: { ":t": ticketId },
    });
  }

  /** The same conditional update on each player's profile, in parallel; a player whose condition fails is left alone. */
  async #updateEachIf(
    playerIds: readonly string[],
    update: {
      readonly UpdateExpression: string;
      readonly ConditionExpression: string;
      readonly ExpressionAttributeValues: Record<string, unknown>;
    },
  ): Promise<void> {
    await Promise.all(
      playerIds.map(async (playerId) => {
        try {
          await this.#client.send(
            new UpdateCommand({ TableName: this.#tableName, Key: playerKey(playerId), ...update }),
          );
        } catch (err) {
          if (!isConditionalCheckFailed(err)) throw err;
        }
      }),
    );
  }
}
