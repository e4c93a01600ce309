import { randomBytes, randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type Clock, systemClock } from "@matchplace/core";
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
import { type LinkedNames, linkedNames, numberSetting } from "../edge.js";

/**
 * What the routes share, built once per process (clients are reused across invocations): DynamoDB
 * only. GameLift is `./gamelift.ts`, MatchEvents `../events/matchEvents.ts`, imported by the
 * handlers that call them, so no other handler bundles or loads those clients.
 */
export interface Services {
  readonly names: LinkedNames;
  /** The one DynamoDB document client every repository shares (its middleware stack is the SDK client's). */
  readonly dynamodb: DynamoDBDocumentClient;
  readonly players: PlayerRepository;
  readonly parties: PartyRepository;
  readonly tickets: TicketRepository;
  readonly placements: PlacementRepository;
  readonly idempotency: IdempotencyStore;
  readonly rateLimits: RateLimitStore;
  /** Reads one key of the table (health check); throws when DynamoDB does not answer. */
  pingTable(abortSignal?: AbortSignal): Promise<void>;
  readonly results: MatchResultRepository;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Live placements a player may be on at once: `MATCHPLACE_PLACEMENT_QUOTA`, default 1. */
  readonly placementQuota: number;
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
  built = {
    names,
    dynamodb: client,
    players: new PlayerRepository({ client, tableName }),
    parties: new PartyRepository({ client, tableName }),
    tickets: new TicketRepository({ client, tableName }),
    placements: new PlacementRepository({ client, tableName }),
    idempotency: new IdempotencyStore({ client, tableName }),
    rateLimits: new RateLimitStore({ client, tableName }),
    pingTable: (abortSignal) => pingTable(client, tableName, abortSignal),
    results: new MatchResultRepository({ client, tableName }),
    clock: systemClock,
    newId: () => randomUUID(),
    randomBytes: (n) => randomBytes(n),
    placementQuota: Math.floor(numberSetting("MATCHPLACE_PLACEMENT_QUOTA", 1)),
  };
  return built;
}
