import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { gameSessionKeyOf } from "../../domain/rating/gameSession.js";
import type { GameSessionTicketsPort } from "../../domain/rating/ports.js";
import type { Ticket } from "../../domain/ticket/types.js";
import { GAME_SESSION_INDEX, GAME_SESSION_KEY } from "./tableSchema.js";
import { ticketFromItem } from "./ticketItem.js";

/** Options of {@link GameSessionTicketIndex}. */
export interface GameSessionTicketIndexOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * The tickets of a game session, through the sparse `gameSession` GSI that the ticket fold keeps
 * (`TicketRepository` sets `gameSessionKey` when a ticket is placed). Apart from the repository so
 * that the game-server routes, which only list, bundle none of the fold.
 * @example await new GameSessionTicketIndex({ client, tableName }).listByGameSession(gameSessionArn);
 */
export class GameSessionTicketIndex implements GameSessionTicketsPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  public constructor(options: GameSessionTicketIndexOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /**
   * The tickets placed into a game session (eventually consistent: a result reported within a second
   * of placement may not see them yet). `gameSessionId` is the ARN or its last path segment; with an
   * ARN, only tickets of exactly that session are returned.
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
}
