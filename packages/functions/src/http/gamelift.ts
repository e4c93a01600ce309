/**
 * The API's GameLift gateway, in its own module so only the handlers that call GameLift (start,
 * stop, accept, placements start/stop, health) bundle and load the GameLift client.
 */
import type { GameLiftClient } from "@aws-sdk/client-gamelift";
import { type BoundGameLift, bindGameLift, createGameLiftClient, GameLiftGateway } from "@matchplace/core/gamelift";
import type { Context } from "aws-lambda";
import { numberSetting } from "../edge.js";

let built: GameLiftGateway | undefined;
let client: GameLiftClient | undefined;

/** The SDK client behind {@link gamelift} (one attempt per call), built on first use. */
export function gameliftClient(): GameLiftClient {
  client ??= createGameLiftClient({ maxAttempts: 1, retryMode: "standard" });
  return client;
}

/**
 * The process-wide gateway, built on first use. One attempt per SDK call: the gateway retries itself
 * within each invocation's deadline. A call (retries included) takes at most
 * MATCHPLACE_GAMELIFT_BUDGET_MS (default 3 s), so a throttled call answers 429 promptly instead of
 * backing off until the function times out.
 * @example await callDescribeMatchmakingConfiguration(gamelift().withDeadline(Date.now() + 2000), name);
 */
export function gamelift(): GameLiftGateway {
  built ??= new GameLiftGateway({
    client: gameliftClient(),
    callBudgetMs: numberSetting("MATCHPLACE_GAMELIFT_BUDGET_MS", 3000),
  });
  return built;
}

/** Time kept back from the invocation for the writes and the reply after a GameLift call. */
const REPLY_MARGIN_MS = 1000;

/**
 * The epoch ms by which a handler's GameLift calls (retries included) must be over: the invocation's
 * remaining time less a margin for the writes and the reply (each call is also capped by
 * `MATCHPLACE_GAMELIFT_BUDGET_MS`).
 */
function gameliftDeadline(
  context: Partial<Pick<Context, "getRemainingTimeInMillis">>,
  now: number = Date.now(),
): number {
  // A bare invocation (no Lambda context) gets the deployed timeout, 10 s.
  const remaining =
    typeof context.getRemainingTimeInMillis === "function" ? context.getRemainingTimeInMillis() : 10_000;
  return now + Math.max(0, remaining - REPLY_MARGIN_MS);
}

/**
 * The GameLift port a route hands the domain: the given calls (core's `call…` functions) on the
 * process-wide gateway, bound to this invocation's deadline. A route names only the calls it makes,
 * so its bundle holds only their SDK commands.
 * @example gamelift: gameliftCalls(req.context, { startMatchmaking: callStartMatchmaking })
 */
export function gameliftCalls<const C extends Parameters<typeof bindGameLift>[1]>(
  context: Partial<Pick<Context, "getRemainingTimeInMillis">>,
  calls: C,
): BoundGameLift<C> {
  return bindGameLift(gamelift().withDeadline(gameliftDeadline(context)), calls);
}
