import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../../errors.js";
import type { PartyPort } from "../../domain/party/ports.js";
import type { ReadConsistency } from "../../domain/reads.js";
import { MAX_PARTY_SIZE, type Party } from "../../domain/party/types.js";
import { DEFAULT_SKILL } from "../../domain/player/types.js";
import { isTransactionConflict, partyCodeKey, partyKey, playerKey } from "./apiKeys.js";
import { partyFromItem } from "./partyItem.js";

/** Options of {@link PartyRepository}. */
export interface PartyRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Which write of a party transaction failed its condition. */
export type PartyWriteFailure = "PARTY_CHANGED" | "CODE_TAKEN" | "ALREADY_IN_PARTY" | "NOT_IN_PARTY";

/** The index of the first cancelled write in a TransactionCanceledException, if the SDK tells. */
function failedIndex(err: unknown): number {
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
}

/** True when a transaction lost to a concurrent one on the same items (no condition failed): retry. */
function isContention(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "TransactionConflictException") return true;
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return (
    err.name === "TransactionCanceledException" &&
    failedIndex(err) < 0 &&
    reasons.some((r) => r.Code === "TransactionConflict")
  );
}

const CONTENTION_RETRIES = 8;

/** One write of a TransactWriteItems call. */
type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * Parties (pk `PARTY#<id>`, sk `PARTY`), their join codes (`PARTYCODE#<code>`) and the members'
 * `partyId` on their player items, always changed together in one transaction with optimistic
 * locking on the party's `version`.
 */
export class PartyRepository implements PartyPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: PartyRepositoryOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /** Reads a party (strongly consistent unless `consistency` is `"eventual"`); `undefined` when none. */
  public async get(partyId: string, consistency: ReadConsistency = "strong"): Promise<Party | undefined> {
    const out = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: partyKey(partyId), ConsistentRead: consistency === "strong" }),
    );
    return out.Item === undefined ? undefined : partyFromItem(out.Item);
  }

  /** The party id a join code reserves; `undefined` when none. */
  public async partyIdByCode(code: string): Promise<string | undefined> {
    const out = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: partyCodeKey(code), ConsistentRead: true }),
    );
    const id = out.Item?.["partyId"];
    return typeof id === "string" ? id : undefined;
  }

  #setPlayerParty(playerId: string, partyId: string, now: number): TransactItem {
    return {
      Update: {
        TableName: this.#tableName,
        Key: playerKey(playerId),
        UpdateExpression:
          "SET partyId = :party, updatedAt = :now, playerId = :pid, skill = if_not_exists(skill, :skill), " +
          "preferences = if_not_exists(preferences, :prefs), createdAt = if_not_exists(createdAt, :now)",
        ConditionExpression: "attribute_not_exists(partyId)",
        ExpressionAttributeValues: {
          ":party": partyId,
          ":now": now,
          ":pid": playerId,
          ":skill": DEFAULT_SKILL,
          ":prefs": {},
        },
      },
    };
  }

  #clearPlayerParty(playerId: string, partyId: string, now: number): TransactItem {
    return {
      Update: {
        TableName: this.#tableName,
        Key: playerKey(playerId),
        UpdateExpression: "REMOVE partyId SET updatedAt = :now",
        ConditionExpression: "partyId = :party",
        ExpressionAttributeValues: { ":party": partyId, ":now": now },
      },
    };
  }

  async #transact(items: TransactItem[], failures: readonly PartyWriteFailure[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (err) {
        if (!isTransactionConflict(err)) throw err;
        if (isContention(err) && attempt < CONTENTION_RETRIES) {
          // Another transaction held one of the items: back off with full jitter and try again.
          await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
          continue;
        }
        const code = failures[failedIndex(err)] ?? "PARTY_CHANGED";
        throw new ConflictError(code, `party write refused: ${code}`, { cause: err });
      }
    }
  }

  /**
   * Stores a new party, reserves its code and sets the leader's `partyId`, all or nothing.
   * @throws ConflictError `CODE_TAKEN` (pick another code) or `ALREADY_IN_PARTY`.
   */
  public async create(party: Party): Promise<void> {
    const leader = party.leaderId;
    await this.#transact(
      [
        {
          Put: {
            TableName: this.#tableName,
            Item: { ...partyKey(party.partyId), ...party },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: this.#tableName,
            Item: { ...partyCodeKey(party.code), partyId: party.partyId },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        this.#setPlayerParty(leader, party.partyId, party.createdAt),
      ],
      ["PARTY_CHANGED", "CODE_TAKEN", "ALREADY_IN_PARTY"],
    );
  }

  /**
   * Adds a member if the party has room and does not list them yet, and sets their `partyId`.
   * (The list append is atomic on the item, so concurrent joins need no version check.)
   * @throws ConflictError `PARTY_CHANGED` (re-read: full, or already a member) or `ALREADY_IN_PARTY`.
   */
  public async addMember(party: Party, playerId: string, now: number): Promise<void> {
    await this.#transact(
      [
        {
          Update: {
            TableName: this.#tableName,
            Key: partyKey(party.partyId),
            UpdateExpression: "SET memberIds = list_append(memberIds, :me), version = version + :one, updatedAt = :now",
            ConditionExpression: "attribute_exists(pk) AND size(memberIds) < :max AND NOT contains(memberIds, :pid)",
            ExpressionAttributeValues: {
              ":me": [playerId],
              ":one": 1,
              ":now": now,
              ":pid": playerId,
              ":max": MAX_PARTY_SIZE,
            },
          },
        },
        this.#setPlayerParty(playerId, party.partyId, now),
      ],
      ["PARTY_CHANGED", "ALREADY_IN_PARTY"],
    );
  }

  /**
   * Removes a member: replaces the party with `next` (or deletes it and its code when `next` is
   * undefined), conditional on `party.version`, and clears the member's `partyId`.
   * @throws ConflictError `PARTY_CHANGED` or `NOT_IN_PARTY`.
   */
  public async removeMember(party: Party, playerId: string, next: Party | undefined, now: number): Promise<void> {
    const cond = { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": party.version } };
    const partyWrite = next
      ? { Put: { TableName: this.#tableName, Item: { ...partyKey(party.partyId), ...next }, ...cond } }
      : { Delete: { TableName: this.#tableName, Key: partyKey(party.partyId), ...cond } };
    const items: TransactItem[] = [partyWrite, this.#clearPlayerParty(playerId, party.partyId, now)];
    if (!next) items.push({ Delete: { TableName: this.#tableName, Key: partyCodeKey(party.code) } });
    await this.#transact(items, ["PARTY_CHANGED", "NOT_IN_PARTY"]);
  }
}
