import {
  AcceptMatchCommand,
  StartGameSessionPlacementCommand,
  StartMatchmakingCommand,
  StopGameSessionPlacementCommand,
  StopMatchmakingCommand,
  type AttributeValue,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import type { MatchmakingPlayerInput, GameLiftPort, PlacementInput } from "../../domain/matchmaking/ports.js";
import type { PlayerAttributeValue } from "../../domain/player/types.js";
import type { TicketStatus } from "../../domain/ticket/types.js";
import { TICKET_STATUSES } from "../../domain/ticket/types.js";
import { mapGameLiftError } from "./mapGameLiftError.js";

/** Options of {@link GameLiftGateway}. */
export interface GameLiftGatewayOptions {
  /** A client from `createGameLiftClient` (timeouts and throttling-aware retries). */
  readonly client: GameLiftClient;
}

/** A FlexMatch attribute value in GameLift's tagged form. */
export function toAttributeValue(value: PlayerAttributeValue): AttributeValue {
  if (typeof value === "string") return { S: value };
  if (typeof value === "number") return { N: value };
  if (Array.isArray(value)) return { SL: [...(value as readonly string[])] };
  return { SDM: { ...(value as Readonly<Record<string, number>>) } };
}

function toPlayer(p: MatchmakingPlayerInput): { PlayerId: string; PlayerAttributes: Record<string, AttributeValue>; LatencyInMs?: Record<string, number> } {
  const attributes: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(p.attributes)) attributes[k] = toAttributeValue(v);
  return {
    PlayerId: p.playerId,
    PlayerAttributes: attributes,
    ...(p.latencyInMs === undefined ? {} : { LatencyInMs: { ...p.latencyInMs } }),
  };
}

/**
 * The GameLift operations the player API calls, with SDK errors translated to core errors
 * (ThrottlingException → ThrottledError, 5xx/network/timeouts → UnavailableError,
 * InvalidRequestException → ConflictError with a per-operation code, NotFoundException → NotFoundError).
 * @example
 * const gamelift = new GameLiftGateway({ client: createGameLiftClient() });
 * await gamelift.startMatchmaking({ ticketId, configurationName: "arena", players });
 */
export class GameLiftGateway implements GameLiftPort {
  readonly #client: GameLiftClient;

  public constructor(options: GameLiftGatewayOptions) {
    this.#client = options.client;
  }

  /** StartMatchmaking with our own TicketId; returns the status GameLift reports (QUEUED). */
  public async startMatchmaking(input: {
    readonly ticketId: string;
    readonly configurationName: string;
    readonly players: readonly MatchmakingPlayerInput[];
  }): Promise<{ readonly status: TicketStatus }> {
    try {
      const out = await this.#client.send(
        new StartMatchmakingCommand({
          TicketId: input.ticketId,
          ConfigurationName: input.configurationName,
          Players: input.players.map(toPlayer),
        }),
      );
      const status = TICKET_STATUSES.find((s) => s === out.MatchmakingTicket?.Status) ?? "QUEUED";
      return { status };
    } catch (err) {
      throw mapGameLiftError(err, "START_REJECTED");
    }
  }

  /** StopMatchmaking; ConflictError `TICKET_PLACING` when GameLift refuses (PLACING). */
  public async stopMatchmaking(ticketId: string): Promise<void> {
    try {
      await this.#client.send(new StopMatchmakingCommand({ TicketId: ticketId }));
    } catch (err) {
      throw mapGameLiftError(err, "TICKET_PLACING");
    }
  }

  /** AcceptMatch for the given players only; ConflictError `NOT_AWAITING_ACCEPTANCE` otherwise. */
  public async acceptMatch(input: { readonly ticketId: string; readonly playerIds: readonly string[]; readonly accept: boolean }): Promise<void> {
    try {
      await this.#client.send(
        new AcceptMatchCommand({
          TicketId: input.ticketId,
          PlayerIds: [...input.playerIds],
          AcceptanceType: input.accept ? "ACCEPT" : "REJECT",
        }),
      );
    } catch (err) {
      throw mapGameLiftError(err, "NOT_AWAITING_ACCEPTANCE");
    }
  }

  /** StartGameSessionPlacement with our own PlacementId and a player session per player. */
  public async startPlacement(input: PlacementInput): Promise<void> {
    try {
      await this.#client.send(
        new StartGameSessionPlacementCommand({
          PlacementId: input.placementId,
          GameSessionQueueName: input.queueName,
          MaximumPlayerSessionCount: input.maximumPlayerSessionCount,
          ...(input.gameSessionName === undefined ? {} : { GameSessionName: input.gameSessionName }),
          ...(input.gameProperties === undefined
            ? {}
            : { GameProperties: Object.entries(input.gameProperties).map(([Key, Value]) => ({ Key, Value })) }),
          ...(input.playerLatencies === undefined || input.playerLatencies.length === 0
            ? {}
            : {
                PlayerLatencies: input.playerLatencies.map((l) => ({
                  PlayerId: l.playerId,
                  RegionIdentifier: l.regionIdentifier,
                  LatencyInMilliseconds: l.latencyInMs,
                })),
              }),
          DesiredPlayerSessions: input.playerIds.map((PlayerId) => ({ PlayerId })),
        }),
      );
    } catch (err) {
      throw mapGameLiftError(err, "PLACEMENT_REJECTED");
    }
  }

  /** StopGameSessionPlacement; ConflictError `PLACEMENT_NOT_PENDING` when GameLift refuses. */
  public async stopPlacement(placementId: string): Promise<void> {
    try {
      await this.#client.send(new StopGameSessionPlacementCommand({ PlacementId: placementId }));
    } catch (err) {
      throw mapGameLiftError(err, "PLACEMENT_NOT_PENDING");
    }
  }
}
