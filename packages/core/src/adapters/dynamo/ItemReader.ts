import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Party } from "../../domain/party/types.js";
import type { Placement } from "../../domain/placement/types.js";
import type { Player } from "../../domain/player/types.js";
import type { ConsistentGet, ReadConsistency } from "../../domain/reads.js";
import type { Ticket } from "../../domain/ticket/types.js";
import { partyKey, playerKey } from "./apiKeys.js";
import { placementKey, ticketKey } from "./keys.js";
import { partyFromItem } from "./partyItem.js";
import { placementFromItem } from "./placementItem.js";
import { playerFromItem } from "./playerItem.js";
import { ticketFromItem } from "./ticketItem.js";

/** Options of an {@link ItemReader}. */
export interface ItemReaderOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * The read half of a repository: one GetItem by id, strongly consistent unless `consistency` is
 * `"eventual"`, mapped as the repository maps it, and nothing else. For the handlers that only read
 * (the polled routes, the WebSocket resync), which then bundle and load none of the repositories'
 * write code (conditional folds, transactions, the pending index).
 * @example const tickets = ticketReader({ client, tableName }); await tickets.get(ticketId, "eventual");
 */
export class ItemReader<T> implements ConsistentGet<T> {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #key: (id: string) => { pk: string; sk: string };
  readonly #fromItem: (item: Record<string, unknown>) => T;

  public constructor(
    options: ItemReaderOptions,
    key: (id: string) => { pk: string; sk: string },
    fromItem: (item: Record<string, unknown>) => T,
  ) {
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#key = key;
    this.#fromItem = fromItem;
  }

  /** The item, or `undefined` when there is none. */
  public async get(id: string, consistency: ReadConsistency = "strong"): Promise<T | undefined> {
    const out = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: this.#key(id), ConsistentRead: consistency === "strong" }),
    );
    return out.Item === undefined ? undefined : this.#fromItem(out.Item);
  }
}

/** Reads player profiles as {@link PlayerRepository} does. */
export function playerReader(options: ItemReaderOptions): ItemReader<Player> {
  return new ItemReader(options, playerKey, playerFromItem);
}

/** Reads tickets as {@link TicketRepository} does. */
export function ticketReader(options: ItemReaderOptions): ItemReader<Ticket> {
  return new ItemReader(options, ticketKey, ticketFromItem);
}

/** Reads placements as {@link PlacementRepository} does. */
export function placementReader(options: ItemReaderOptions): ItemReader<Placement> {
  return new ItemReader(options, placementKey, placementFromItem);
}

/** Reads parties as {@link PartyRepository} does. */
export function partyReader(options: ItemReaderOptions): ItemReader<Party> {
  return new ItemReader(options, partyKey, partyFromItem);
}
