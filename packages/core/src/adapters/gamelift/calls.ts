import {
  AcceptMatchCommand,
  DescribeMatchmakingConfigurationsCommand,
  StartGameSessionPlacementCommand,
  StartMatchmakingCommand,
  StopGameSessionPlacementCommand,
  StopMatchmakingCommand,
  type AttributeValue,
} from "@aws-sdk/client-gamelift";
import type { GameLiftPort, MatchmakingPlayerInput, PlacementInput } from "../../domain/matchmaking/ports.js";
import type { PlayerAttributeValue } from "../../domain/player/types.js";
import type { TicketStatus } from "../../domain/ticket/types.js";
import { TICKET_STATUSES } from "../../domain/ticket/types.js";
import type { GameLiftGateway } from "./GameLiftGateway.js";

/*
 * The GameLift operations the player API calls, one function each, made through a
 * {@link GameLiftGateway} (its deadline, retries and error mapping). Functions rather than methods so
 * that a handler bundles the SDK commands of the operations it calls and no others: bind them to a
 * gateway with {@link bindGameLift} to get the port the domain asks for.
 */

/** A FlexMatch attribute value in GameLift's tagged form. */
export function toAttributeValue(value: PlayerAttributeValue): AttributeValue {
  if (typeof value === "string") return { S: value };
  if (typeof value === "number") return { N: value };
  if (Array.isArray(value)) return { SL: [...(value as readonly string[])] };
  return { SDM: { ...(value as Readonly<Record<string, number>>) } };
}

function toPlayer(p: MatchmakingPlayerInput): {
  PlayerId: string;
  PlayerAttributes: Record<string, AttributeValue>;
  LatencyInMs?: Record<string, number>;
} {
  const attributes: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(p.attributes)) attributes[k] = toAttributeValue(v);
  return {
    PlayerId: p.playerId,
    PlayerAttributes: attributes,
    ...(p.latencyInMs === undefined ? {} : { LatencyInMs: { ...p.latencyInMs } }),
  };
}

/** StartMatchmaking with our own TicketId; returns the status GameLift reports (QUEUED). */
export function callStartMatchmaking(
  gateway: GameLiftGateway,
  input: {
    readonly ticketId: string;
    readonly configurationName: string;
    readonly players: readonly MatchmakingPlayerInput[];
  },
): Promise<{ readonly status: TicketStatus }> {
  const command = new StartMatchmakingCommand({
    TicketId: input.ticketId,
    ConfigurationName: input.configurationName,
    Players: input.players.map(toPlayer),
  });
  return gateway.call(
    "START_REJECTED",
    async (client, options) => {
      const out = await client.send(command, options);
      return { status: TICKET_STATUSES.find((s) => s === out.MatchmakingTicket?.Status) ?? "QUEUED" };
    },
    () => ({ status: "QUEUED" as const }),
  );
}

/** StopMatchmaking; ConflictError `TICKET_PLACING` when GameLift refuses (PLACING). */
export async function callStopMatchmaking(gateway: GameLiftGateway, ticketId: string): Promise<void> {
  const command = new StopMatchmakingCommand({ TicketId: ticketId });
  await gateway.call("TICKET_PLACING", (client, options) => client.send(command, options));
}

/** AcceptMatch for the given players only; ConflictError `NOT_AWAITING_ACCEPTANCE` otherwise. */
export async function callAcceptMatch(
  gateway: GameLiftGateway,
  input: { readonly ticketId: string; readonly playerIds: readonly string[]; readonly accept: boolean },
): Promise<void> {
  const command = new AcceptMatchCommand({
    TicketId: input.ticketId,
    PlayerIds: [...input.playerIds],
    AcceptanceType: input.accept ? "ACCEPT" : "REJECT",
  });
  await gateway.call("NOT_AWAITING_ACCEPTANCE", (client, options) => client.send(command, options));
}

/** StartGameSessionPlacement with our own PlacementId and a player session per player. */
export async function callStartGameSessionPlacement(gateway: GameLiftGateway, input: PlacementInput): Promise<void> {
  const command = new StartGameSessionPlacementCommand({
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
  });
  await gateway.call(
    "PLACEMENT_REJECTED",
    async (client, options) => void (await client.send(command, options)),
    () => undefined,
  );
}

/** StopGameSessionPlacement; ConflictError `PLACEMENT_NOT_PENDING` when GameLift refuses. */
export async function callStopGameSessionPlacement(gateway: GameLiftGateway, placementId: string): Promise<void> {
  const command = new StopGameSessionPlacementCommand({ PlacementId: placementId });
  await gateway.call("PLACEMENT_NOT_PENDING", (client, options) => client.send(command, options));
}

/** DescribeMatchmakingConfigurations for one name: proves GameLift answers (the health check). */
export async function callDescribeMatchmakingConfiguration(
  gateway: GameLiftGateway,
  configurationName: string,
): Promise<void> {
  const command = new DescribeMatchmakingConfigurationsCommand({ Names: [configurationName] });
  await gateway.call("PING_REJECTED", (client, options) => client.send(command, options));
}

/** One of the calls above: a gateway first, then the operation's own arguments. */
// biome-ignore lint/suspicious/noExplicitAny: the arguments of each call are its own; `never` would refuse them all.
type GameLiftCall = (gateway: GameLiftGateway, ...args: any[]) => Promise<unknown>;

/** `calls` with the gateway bound: `{ startMatchmaking: callStartMatchmaking }` → `{ startMatchmaking(input) }`. */
export type BoundGameLift<C extends Record<string, GameLiftCall>> = {
  readonly [K in keyof C]: C[K] extends (gateway: GameLiftGateway, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

/**
 * The domain's GameLift port made of the given calls on one gateway. Name only the calls a handler
 * makes: the others, and their SDK commands, stay out of its bundle.
 * @example
 * const gamelift = bindGameLift(gateway.withDeadline(deadline), { startMatchmaking: callStartMatchmaking });
 * await startMatchmaking({ ...deps, gamelift }, input);
 */
export function bindGameLift<const C extends Record<string, GameLiftCall>>(
  gateway: GameLiftGateway,
  calls: C,
): BoundGameLift<C> {
  return Object.fromEntries(
    Object.entries(calls).map(([name, call]) => [name, (...args: unknown[]) => call(gateway, ...args)]),
  ) as BoundGameLift<C>;
}

/**
 * The whole {@link GameLiftPort} on one gateway (every call above): for a caller that needs them all.
 * A handler binds only the calls it makes instead ({@link bindGameLift}).
 */
export function gameLiftPort(gateway: GameLiftGateway): GameLiftPort {
  return bindGameLift(gateway, {
    startMatchmaking: callStartMatchmaking,
    stopMatchmaking: callStopMatchmaking,
    acceptMatch: callAcceptMatch,
    startPlacement: callStartGameSessionPlacement,
    stopPlacement: callStopGameSessionPlacement,
  });
}
