import type { Collection, Store } from "../../store/Store.js";
import type {
  AliasRecord,
  BuildRecord,
  FleetEventRecord,
  FleetRecord,
  GameSessionRecord,
  InstanceRecord,
  LocationRecord,
  PlacementRecord,
  PlayerSessionRecord,
  QueueRecord,
  ScalingPolicyRecord,
  ScriptRecord,
  Tag,
  UploadCredentialRecord,
} from "./records.js";

/** Typed access to the platform's store collections. Keys are ids (queues by name, tags by ARN). */
export interface PlatformCollections {
  fleets: Collection<FleetRecord>;
  fleetEvents: Collection<FleetEventRecord>;
  instances: Collection<InstanceRecord>;
  gameSessions: Collection<GameSessionRecord>;
  playerSessions: Collection<PlayerSessionRecord>;
  queues: Collection<QueueRecord>;
  placements: Collection<PlacementRecord>;
  builds: Collection<BuildRecord>;
  scripts: Collection<ScriptRecord>;
  aliases: Collection<AliasRecord>;
  tags: Collection<Tag[]>;
  uploadCredentials: Collection<UploadCredentialRecord>;
  /** Custom locations by name. */
  locations: Collection<LocationRecord>;
  /** Keyed `<FleetId>/<Name>`. */
  scalingPolicies: Collection<ScalingPolicyRecord>;
}

/** The platform collections of a store. */
export function collections(store: Store): PlatformCollections {
  return {
    fleets: store.collection<FleetRecord>("fleets"),
    fleetEvents: store.collection<FleetEventRecord>("fleetEvents"),
    instances: store.collection<InstanceRecord>("instances"),
    gameSessions: store.collection<GameSessionRecord>("gameSessions"),
    playerSessions: store.collection<PlayerSessionRecord>("playerSessions"),
    queues: store.collection<QueueRecord>("queues"),
    placements: store.collection<PlacementRecord>("placements"),
    builds: store.collection<BuildRecord>("builds"),
    scripts: store.collection<ScriptRecord>("scripts"),
    aliases: store.collection<AliasRecord>("aliases"),
    tags: store.collection<Tag[]>("tags"),
    uploadCredentials: store.collection<UploadCredentialRecord>("uploadCredentials"),
    locations: store.collection<LocationRecord>("locations"),
    scalingPolicies: store.collection<ScalingPolicyRecord>("scalingPolicies"),
  };
}
