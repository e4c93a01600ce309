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
  PlacementRepository,
  PlayerRepository,
  RateLimitStore,
  TicketRepository,
} from "@matchplace/core/dynamo";
import { createGameLiftClient, GameLiftGateway } from "@matchplace/core/gamelift";
import { MatchEventPublisher } from "@matchplace/core/realtime";
import { linkedString } from "../events/linked.js";
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
  let publisher: MatchEventPublisher | undefined;
  built = {
    names,
    players: new PlayerRepository({ client, tableName }),
    parties: new PartyRepository({ client, tableName }),
    tickets: new TicketRepository({ client, tableName }),
    placements: new PlacementRepository({ client, tableName }),
    idempotency: new IdempotencyStore({ client, tableName }),
    rateLimits: new RateLimitStore({ client, tableName }),
    gamelift: new GameLiftGateway({ client: createGameLiftClient() }),
    results: new MatchResultRepository({ client, tableName }),
    ratingModel: openskillModel,
    rating,
    // The pool of a configuration is the configuration's name in this stage (what results record).
    skillOf: (player, profile) =>
      skillFromRating(openskillModel, rating.skillScale, player.ratings?.[profile.key === defaultConfigurationProfile.key ? names.configurationName : profile.key]),
    matchEvents: () => (publisher ??= new MatchEventPublisher({ topicArn: linkedString("MatchEvents", "arn") })),
    now: () => Date.now(),
    newId: () => randomUUID(),
    randomBytes: (n) => randomBytes(n),
    // The default profile is the stage's linked configuration/queue (SST may rename it per stage).
    configurationNameOf: (p) => (p.key === defaultConfigurationProfile.key ? names.configurationName : p.key),
    queueNameOf: (p) => (p.key === defaultQueueProfile.key ? names.queueName : p.key),
  };
  return built;
}
