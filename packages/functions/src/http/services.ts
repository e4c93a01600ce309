import { randomBytes, randomUUID } from "node:crypto";
import {
  defaultConfigurationProfile,
  defaultQueueProfile,
  openskillModel,
  skillFromRating,
  type ConfigurationProfile,
  type Player,
  type RatingModel,
  type QueueProfile,
} from "@matchplace/core";
import {
  createDocumentClient,
  IdempotencyStore,
  MatchResultRepository,
  PartyRepository,
  pingTable,
  PlacementRepository,
  PlayerRepository,
  RateLimitStore,
  TicketRepository,
} from "@matchplace/core/dynamo";
import { createGameLiftClient, GameLiftGateway } from "@matchplace/core/gamelift";
import type { Context } from "aws-lambda";
import { numberSetting } from "../events/config.js";
import type { MatchEventPublisher } from "@matchplace/core/realtime";
import { matchEventPublisher } from "../events/matchEvents.js";
import { ratingConfig, type RatingConfig } from "./ratingConfig.js";
import { linkedNames, type LinkedNames } from "./linked.js";

/** Everything a route needs, built once per process (clients are reused across invocations). */
export interface Services {
  readonly names: LinkedNames;
  readonly players: PlayerRepository;
  readonly parties: PartyRepository;
  readonly tickets: TicketRepository;
  readonly placements: PlacementRepository;
  readonly idempotency: IdempotencyStore;
  readonly rateLimits: RateLimitStore;
  readonly gamelift: GameLiftGateway;
  /** Reads one key of the table (health check); throws when DynamoDB does not answer. */
  pingTable(abortSignal?: AbortSignal): Promise<void>;
  readonly results: MatchResultRepository;
  readonly ratingModel: RatingModel;
  readonly rating: RatingConfig;
  /** The server-trusted `skill` of a player for a configuration: its pool's rating on the rule set's scale. */
  skillOf(player: Player, profile: ConfigurationProfile): number;
  /** Publishes to the MatchEvents topic (`Resource.MatchEvents.arn`), built on first use. */
  matchEvents(): MatchEventPublisher;
  readonly now: () => number;
  readonly newId: () => string;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Live placements a player may be on at once: `MATCHPLACE_PLACEMENT_QUOTA`, default 1. */
  readonly placementQuota: number;
  /** The GameLift configuration name a public configuration key resolves to in this stage. */
  configurationNameOf(profile: ConfigurationProfile): string;
  /** The GameLift queue name a public queue key resolves to in this stage. */
  queueNameOf(profile: QueueProfile): string;
}

let built: Services | undefined;

/**
 * The process-wide services, built on first use from SST links and the SDK's own endpoint env.
 * @example const { tickets } = services();
 */
export function services(): Services {
  if (built) return built;
  const names = linkedNames();
  const client = createDocumentClient();
  const tableName = names.tableName;
  const rating = ratingConfig();
  built = {
    names,
    players: new PlayerRepository({ client, tableName }),
    parties: new PartyRepository({ client, tableName }),
    tickets: new TicketRepository({ client, tableName }),
    placements: new PlacementRepository({ client, tableName }),
    idempotency: new IdempotencyStore({ client, tableName }),
    rateLimits: new RateLimitStore({ client, tableName }),
    // One attempt per SDK call: the gateway retries itself within each invocation's deadline.
    // A call (retries included) takes at most MATCHPLACE_GAMELIFT_BUDGET_MS (default 3 s), so a
    // throttled call answers 429 promptly instead of backing off until the function times out.
    gamelift: new GameLiftGateway({
      client: createGameLiftClient({ maxAttempts: 1, retryMode: "standard" }),
      callBudgetMs: numberSetting("MATCHPLACE_GAMELIFT_BUDGET_MS", 3000),
    }),
    pingTable: (abortSignal) => pingTable(client, tableName, abortSignal),
    results: new MatchResultRepository({ client, tableName }),
    ratingModel: openskillModel,
    rating,
    // The pool of a configuration is the configuration's name in this stage (what results record).
    skillOf: (player, profile) =>
      skillFromRating(openskillModel, rating.skillScale, player.ratings?.[profile.key === defaultConfigurationProfile.key ? names.configurationName : profile.key]),
    matchEvents: matchEventPublisher,
    now: () => Date.now(),
    newId: () => randomUUID(),
    randomBytes: (n) => randomBytes(n),
    placementQuota: Math.floor(numberSetting("MATCHPLACE_PLACEMENT_QUOTA", 1)),
    // The default profile is the stage's linked configuration/queue (SST may rename it per stage).
    configurationNameOf: (p) => (p.key === defaultConfigurationProfile.key ? names.configurationName : p.key),
    queueNameOf: (p) => (p.key === defaultQueueProfile.key ? names.queueName : p.key),
  };
  return built;
}

/** Time kept back from the invocation for the writes and the reply after a GameLift call. */
const REPLY_MARGIN_MS = 1000;

/**
 * The epoch ms by which a handler's GameLift calls (retries included) must be over: the invocation's
 * remaining time less a margin for the writes and the reply (each call is also capped by
 * `MATCHPLACE_GAMELIFT_BUDGET_MS`, see `services()`).
 * @example const gamelift = s.gamelift.withDeadline(gameliftDeadline(req.context));
 */
export function gameliftDeadline(context: Partial<Pick<Context, "getRemainingTimeInMillis">>, now: number = Date.now()): number {
  // A bare invocation (no Lambda context) gets the deployed timeout, 10 s.
  const remaining = typeof context.getRemainingTimeInMillis === "function" ? context.getRemainingTimeInMillis() : 10_000;
  return now + Math.max(0, remaining - REPLY_MARGIN_MS);
}
