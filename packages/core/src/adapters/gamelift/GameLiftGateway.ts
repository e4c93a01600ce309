import type { GameLiftClient } from "@aws-sdk/client-gamelift";
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

/**
 * How the player API calls GameLift: within a deadline, retrying what is safe to retry, with SDK
 * errors translated to core errors (ThrottlingException → ThrottledError, refused connections →
 * UnavailableError, timeouts/5xx → OutcomeUnknownError, InvalidRequestException → ConflictError with
 * a per-operation code, NotFoundException → NotFoundError). The operations are functions of their
 * own (`./calls.ts`), bound to a gateway with {@link bindGameLift}, so a handler bundles the SDK
 * commands of the operations it calls and no others.
 * @example
 * const gateway = new GameLiftGateway({ client: createGameLiftClient() });
 * await callStartMatchmaking(gateway, { ticketId, configurationName: "arena", players });
 */
export class GameLiftGateway {
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
   * One call within the deadline (`send` makes it with the client; `code` is the ConflictError code
   * of GameLift's InvalidRequestException for this operation). Throttles and refused connections (GameLift certainly did nothing)
   * are retried with jittered backoff while time is left, then surface as ThrottledError (429) /
   * UnavailableError (503). A timeout or 5xx means the outcome is unknown: an idempotent start is
   * retried with the same id, and a "this id exists" refusal after it means the first attempt landed
   * (`alreadyStarted`); if no attempt settles it, OutcomeUnknownError.
   */
  public async call<T>(
    code: string,
    send: (client: GameLiftClient, options: { abortSignal?: AbortSignal }) => Promise<T>,
    alreadyStarted?: () => T,
  ): Promise<T> {
    const o = this.#options;
    const client = this.#client;
    const now = o.now ?? Date.now;
    if (o.deadline === undefined) {
      try {
        return await send(client, {});
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
        return await send(client, { abortSignal: AbortSignal.timeout(Math.min(o.attemptTimeoutMs ?? 5000, left)) });
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
}
