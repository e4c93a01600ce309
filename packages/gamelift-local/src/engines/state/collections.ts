import type { Collection, Store } from "../../store/Store.js";
import type {
  AliasRecord,
  BuildRecord,
  ConfigurationRecord,
  FleetEventRecord,
  FleetRecord,
  GameSessionRecord,
  InstanceRecord,
  LocationRecord,
  MatchedSessionRecord,
  MatchRecord,
  PlacementRecord,
  PlayerSessionRecord,
  QueueRecord,
  RuleSetRecord,
  ScalingPolicyRecord,
  ScriptRecord,
  Tag,
  TicketRecord,
  UploadCredentialRecord,
} from "./records.js";

/**
 * Typed access to every collection the engines keep in the store, each under its store name (the
 * name its records have in a `--persist` snapshot). Keys are ids unless noted.
 */
export interface Collections {
  fleets: Collection<FleetRecord>;
  fleetEvents: Collection<FleetEventRecord>;
  instances: Collection<InstanceRecord>;
  gameSessions: Collection<GameSessionRecord>;
  playerSessions: Collection<PlayerSessionRecord>;
  /** Keyed by name. */
  queues: Collection<QueueRecord>;
  placements: Collection<PlacementRecord>;
  builds: Collection<BuildRecord>;
  scripts: Collection<ScriptRecord>;
  aliases: Collection<AliasRecord>;
  /** Keyed by resource ARN. */
  tags: Collection<Tag[]>;
  uploadCredentials: Collection<UploadCredentialRecord>;
  /** Custom locations, keyed by name. */
  locations: Collection<LocationRecord>;
  /** Keyed `<FleetId>/<Name>`. */
  scalingPolicies: Collection<ScalingPolicyRecord>;
  /** Per fleet id: when its scaling policies were last evaluated (epoch ms). */
  scalingEvaluatedAt: Collection<number>;
  /** Keyed by name. */
  matchmakingRuleSets: Collection<RuleSetRecord>;
  /** Keyed by name. */
  matchmakingConfigurations: Collection<ConfigurationRecord>;
  matchmakingTickets: Collection<TicketRecord>;
  matchmakingMatches: Collection<MatchRecord>;
  /** FlexMatch-made game sessions, keyed by game session ARN. */
  matchmakingSessions: Collection<MatchedSessionRecord>;
  /** Per configuration name: recent waits (seconds from StartTime to a match), newest last. */
  matchmakingWaits: Collection<number[]>;
}

/** Every collection's name (checked against {@link Collections}: none missing, none extra). */
const named = {
  fleets: true,
  fleetEvents: true,
  instances: true,
  gameSessions: true,
  playerSessions: true,
  queues: true,
  placements: true,
  builds: true,
  scripts: true,
  aliases: true,
  tags: true,
  uploadCredentials: true,
  locations: true,
  scalingPolicies: true,
  scalingEvaluatedAt: true,
  matchmakingRuleSets: true,
  matchmakingConfigurations: true,
  matchmakingTickets: true,
  matchmakingMatches: true,
  matchmakingSessions: true,
  matchmakingWaits: true,
} satisfies Record<keyof Collections, true>;
const names = Object.keys(named);

/**
 * Opened once per store: engines ask for their collections on every call of their hot paths, and a
 * store keeps its `Collection` objects for life (`Store.load` refills them in place).
 */
const opened = new WeakMap<Store, Collections>();

/** The typed collections of a store. */
export function collections(store: Store): Collections {
  let cols = opened.get(store);
  if (!cols) {
    cols = Object.fromEntries(names.map((name) => [name, store.collection(name)])) as unknown as Collections;
    opened.set(store, cols);
  }
  return cols;
}
