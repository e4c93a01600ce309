import {
  AcceptMatchCommand,
  DescribeMatchmakingConfigurationsCommand,
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
import { ConflictError, OutcomeUnknownError, ThrottledError, UnavailableError } from "../../errors.js";
import { mapGameLiftError } from "./mapGameLiftError.js";

/** Options of {@link GameLiftGateway}. */
export interface GameLiftGatewayOptions {
  /**
   * A client from `createGameLiftClient`. With a `deadline` the gateway retries itself, so build
   * the client with `maxAttempts: 1` (otherwise SDK retries run inside each of its attempts).
   */
  readonly client: GameLiftClient;
  /**
   * Epoch ms by which every call, retries included, must be over (the Lambda invocation's
   * remaining time, see {@link GameLiftGateway.withDeadline}). Unset: one attempt, the client's own retries.
   */
  readonly deadline?: number;
  /**
   * Longest time one call may take, retries included, counted from its start (default: up to the
   * deadline). Keeps a throttled call prompt (429) even when the invocation has long to run.
   */
  readonly callBudgetMs?: number;
  /** Attempts per call within the deadline (default 3). */
  readonly maxAttempts?: number;
  /** Longest single attempt in ms (default 5000), always cut to the time left. */
  readonly attemptTimeoutMs?: number;
  /** First backoff after a throttle or refused connection, doubled per attempt, full jitter (default 200 ms). */
  readonly backoffBaseMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** An attempt shorter than this is not worth starting. */
const MIN_ATTEMPT_MS = 250;

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

/**
 * The GameLift operations the player API calls, with SDK errors translated to core errors
 * (ThrottlingException → ThrottledError, refused connections → UnavailableError, timeouts/5xx →
 * OutcomeUnknownError,
 * InvalidRequestException → ConflictError with a per-operation code, NotFoundException → NotFoundError).
 * @example
 * const gamelift = new GameLiftGateway({ client: createGameLiftClient() });
 * await gamelift.startMatchmaking({ ticketId, configurationName: "arena", players });
 */
export class GameLiftGateway implements GameLiftPort {
  readonly #client: GameLiftClient;
  readonly #options: GameLiftGatewayOptions;

  public constructor(options: GameLiftGatewayOptions) {
    this.#client = options.client;
    this.#options = options;
  }

  /**
   * The same gateway bound to a deadline (epoch ms): every call and its retries end before it.
   * @example const gamelift = s.gamelift.withDeadline(Date.now() + context.getRemainingTimeInMillis() - 1000);
   */
  public withDeadline(deadline: number): GameLiftGateway {
    return new GameLiftGateway({ ...this.#options, deadline });
  }

  /**
   * One call within the deadline. Throttles and refused connections (GameLift certainly did nothing)
   * are retried with jittered backoff while time is left, then surface as ThrottledError (429) /
   * UnavailableError (503). A timeout or 5xx means the outcome is unknown: an idempotent start is
   * retried with the same id, and a "this id exists" refusal after it means the first attempt landed
   * (`alreadyStarted`); if no attempt settles it, OutcomeUnknownError.
   */
  async #call<T>(
    code: string,
    send: (abortSignal: AbortSignal | undefined) => Promise<T>,
    alreadyStarted?: () => T,
  ): Promise<T> {
    const o = this.#options;
    const now = o.now ?? Date.now;
    if (o.deadline === undefined) {
      try {
        return await send(undefined);
      } catch (err) {
        throw mapGameLiftError(err, code);
      }
    }
    const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const deadline = Math.min(o.deadline, now() + (o.callBudgetMs ?? Number.POSITIVE_INFINITY));
    const maxAttempts = o.maxAttempts ?? 3;
    let unknown = false;
    let last: Error = new UnavailableError("No time left to call GameLift", { retryAfterMs: 1000 });
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const left = deadline - now();
      if (left < MIN_ATTEMPT_MS) break;
      try {
        return await send(AbortSignal.timeout(Math.min(o.attemptTimeoutMs ?? 5000, left)));
      } catch (raw) {
        const err = mapGameLiftError(raw, code);
        if (err instanceof ConflictError && unknown && alreadyStarted) return alreadyStarted();
        if (err instanceof OutcomeUnknownError) {
          if (!alreadyStarted) throw err;
          unknown = true;
        } else if (!(err instanceof ThrottledError) && !(err instanceof UnavailableError)) {
          throw err;
        }
        last = err;
      }
      const delay = Math.floor((o.random ?? Math.random)() * (o.backoffBaseMs ?? 200) * 2 ** (attempt - 1));
      if (attempt === maxAttempts || now() + delay + MIN_ATTEMPT_MS > deadline) break;
      await sleep(delay);
    }
    if (unknown)
      throw new OutcomeUnknownError("GameLift did not confirm the start in time", { cause: last, retryAfterMs: 2000 });
    throw last;
  }

  /** StartMatchmaking with our own TicketId; returns the status GameLift reports (QUEUED). */
  public async startMatchmaking(input: {
    readonly ticketId: string;
    readonly configurationName: string;
    readonly players: readonly MatchmakingPlayerInput[];
  }): Promise<{ readonly status: TicketStatus }> {
    const command = new StartMatchmakingCommand({
      TicketId: input.ticketId,
      ConfigurationName: input.configurationName,
      Players: input.players.map(toPlayer),
    });
    return this.#call(
      "START_REJECTED",
      async (abortSignal) => {
        const out = await this.#client.send(command, abortSignal ? { abortSignal } : {});
        return { status: TICKET_STATUSES.find((s) => s === out.MatchmakingTicket?.Status) ?? "QUEUED" };
      },
      () => ({ status: "QUEUED" as const }),
    );
  }

  /** StopMatchmaking; ConflictError `TICKET_PLACING` when GameLift refuses (PLACING). */
  public async stopMatchmaking(ticketId: string): Promise<void> {
    const command = new StopMatchmakingCommand({ TicketId: ticketId });
    await this.#call("TICKET_PLACING", (abortSignal) => this.#client.send(command, abortSignal ? { abortSignal } : {}));
  }

  /** AcceptMatch for the given players only; ConflictError `NOT_AWAITING_ACCEPTANCE` otherwise. */
  public async acceptMatch(input: {
    readonly ticketId: string;
    readonly playerIds: readonly string[];
    readonly accept: boolean;
  }): Promise<void> {
    const command = new AcceptMatchCommand({
      TicketId: input.ticketId,
      PlayerIds: [...input.playerIds],
      AcceptanceType: input.accept ? "ACCEPT" : "REJECT",
    });
    await this.#call("NOT_AWAITING_ACCEPTANCE", (abortSignal) =>
      this.#client.send(command, abortSignal ? { abortSignal } : {}),
    );
  }

  /** StartGameSessionPlacement with our own PlacementId and a player session per player. */
  public async startPlacement(input: PlacementInput): Promise<void> {
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
    await this.#call(
      "PLACEMENT_REJECTED",
      async (abortSignal) => void (await this.#client.send(command, abortSignal ? { abortSignal } : {})),
      () => undefined,
    );
  }

  /** DescribeMatchmakingConfigurations for one name: proves GameLift answers (health check). */
  public async ping(configurationName: string): Promise<void> {
    const command = new DescribeMatchmakingConfigurationsCommand({ Names: [configurationName] });
    await this.#call("PING_REJECTED", (abortSignal) => this.#client.send(command, abortSignal ? { abortSignal } : {}));
  }

  /** StopGameSessionPlacement; ConflictError `PLACEMENT_NOT_PENDING` when GameLift refuses. */
  public async stopPlacement(placementId: string): Promise<void> {
    const command = new StopGameSessionPlacementCommand({ PlacementId: placementId });
    await this.#call("PLACEMENT_NOT_PENDING", (abortSignal) =>
      this.#client.send(command, abortSignal ? { abortSignal } : {}),
    );
  }
}
