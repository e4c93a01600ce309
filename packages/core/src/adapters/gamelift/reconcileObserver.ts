import {
  DescribeGameSessionPlacementCommand,
  DescribeMatchmakingCommand,
  DescribeMatchmakingConfigurationsCommand,
  type GameLiftClient,
  type GameSessionPlacement,
  type MatchmakingTicket,
} from "@aws-sdk/client-gamelift";
import type { ReconcileObserver } from "../../domain/events/ports.js";
import type { ObservedPlacement } from "../../domain/placement/observe.js";
import { PLACEMENT_STATUSES } from "../../domain/placement/types.js";
import type { ObservedTicket } from "../../domain/ticket/observe.js";
import { TICKET_STATUSES } from "../../domain/ticket/types.js";
import { mapGameLiftError } from "./mapGameLiftError.js";

const ms = (d: Date | undefined): number | undefined => (d instanceof Date ? d.getTime() : undefined);

/** Maps an SDK MatchmakingTicket to the domain observation; `undefined` for an unreadable one. */
export function toObservedTicket(t: MatchmakingTicket): ObservedTicket | undefined {
  const status = TICKET_STATUSES.find((s) => s === t.Status);
  if (!t.TicketId || !status) return undefined;
  const c = t.GameSessionConnectionInfo;
  const startTime = ms(t.StartTime);
  return {
    ticketId: t.TicketId,
    configurationName: t.ConfigurationName ?? "",
    status,
    ...(t.StatusReason ? { statusReason: t.StatusReason } : {}),
    ...(t.StatusMessage ? { statusMessage: t.StatusMessage } : {}),
    ...(startTime === undefined ? {} : { startTime }),
    players: (t.Players ?? []).flatMap((p) =>
      p.PlayerId ? [{ playerId: p.PlayerId, ...(p.Team ? { team: p.Team } : {}) }] : [],
    ),
    ...(t.EstimatedWaitTime === undefined ? {} : { estimatedWaitSeconds: t.EstimatedWaitTime }),
    ...(c?.GameSessionArn && c.IpAddress && c.Port !== undefined
      ? {
          connection: {
            gameSessionArn: c.GameSessionArn,
            ipAddress: c.IpAddress,
            dnsName: c.DnsName ?? "",
            port: c.Port,
            playerSessions: (c.MatchedPlayerSessions ?? []).flatMap((s) =>
              s.PlayerId && s.PlayerSessionId ? [{ playerId: s.PlayerId, playerSessionId: s.PlayerSessionId }] : [],
            ),
          },
        }
      : {}),
  };
}

/** Maps an SDK GameSessionPlacement to the domain observation. */
export function toObservedPlacement(p: GameSessionPlacement): ObservedPlacement | undefined {
  const status = PLACEMENT_STATUSES.find((s) => s === p.Status);
  if (!p.PlacementId || !status) return undefined;
  const startTime = ms(p.StartTime);
  const queue = p.GameSessionQueueName ?? "";
  return {
    placementId: p.PlacementId,
    queueName: queue.includes("/") ? queue.slice(queue.lastIndexOf("/") + 1) : queue,
    status,
    ...(startTime === undefined ? {} : { startTime }),
    ...((p.GameSessionArn ?? p.GameSessionId) && p.IpAddress && p.Port !== undefined
      ? {
          connection: {
            gameSessionArn: (p.GameSessionArn ?? p.GameSessionId) as string,
            ipAddress: p.IpAddress,
            dnsName: p.DnsName ?? "",
            port: p.Port,
          },
        }
      : {}),
    ...(p.GameSessionRegion ? { gameSessionRegion: p.GameSessionRegion } : {}),
    playerSessions: (p.PlacedPlayerSessions ?? []).flatMap((s) =>
      s.PlayerId && s.PlayerSessionId ? [{ playerId: s.PlayerId, playerSessionId: s.PlayerSessionId }] : [],
    ),
  };
}

/**
 * The reconciler's read side of GameLift: DescribeMatchmaking (≤ 10 ids), DescribeGameSessionPlacement
 * and DescribeMatchmakingConfigurations. SDK errors are translated (ThrottlingException → ThrottledError).
 * @example const observer = new GameLiftReconcileObserver({ client: createGameLiftClient() });
 */
export class GameLiftReconcileObserver implements ReconcileObserver {
  readonly #client: GameLiftClient;

  public constructor(options: { readonly client: GameLiftClient }) {
    this.#client = options.client;
  }

  public async describeTickets(ticketIds: readonly string[]): Promise<ObservedTicket[]> {
    if (ticketIds.length === 0) return [];
    if (ticketIds.length > 10) throw new RangeError("DescribeMatchmaking takes at most 10 ticket ids");
    try {
      const out = await this.#client.send(new DescribeMatchmakingCommand({ TicketIds: [...ticketIds] }));
      return (out.TicketList ?? []).flatMap((t) => toObservedTicket(t) ?? []);
    } catch (err) {
      throw mapGameLiftError(err, "DESCRIBE_REFUSED");
    }
  }

  public async describePlacement(placementId: string): Promise<ObservedPlacement | undefined> {
    try {
      const out = await this.#client.send(new DescribeGameSessionPlacementCommand({ PlacementId: placementId }));
      return out.GameSessionPlacement ? toObservedPlacement(out.GameSessionPlacement) : undefined;
    } catch (err) {
      if (err instanceof Error && err.name === "NotFoundException") return undefined;
      throw mapGameLiftError(err, "DESCRIBE_REFUSED");
    }
  }

  public async requestTimeoutSeconds(configurationName: string): Promise<number | undefined> {
    try {
      const out = await this.#client.send(new DescribeMatchmakingConfigurationsCommand({ Names: [configurationName] }));
      return out.Configurations?.find((c) => c.Name === configurationName)?.RequestTimeoutSeconds;
    } catch (err) {
      throw mapGameLiftError(err, "DESCRIBE_REFUSED");
    }
  }
}
