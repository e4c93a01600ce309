import type { Clock } from "../clock/Clock.js";
import type { Store } from "../store/Store.js";

/** Publishes one notification (the serialized event envelope) to an SNS topic ARN. */
export type Notify = (topicArn: string, message: string) => void | Promise<void>;

/** Ids the emulator makes; injectable so tests can predict them. */
export interface IdSource {
  /** A random UUID v4. */
  uuid(): string;
}

/** How engines reach the local S3 (s3rver behind the authorizing proxy). */
export interface LocalS3Access {
  /** The endpoint clients upload to (the authorizing proxy). */
  readonly endpoint: string;
  /** The bucket build uploads go to (no dots, as GameLift requires). */
  readonly bucket: string;
  /** Size in bytes of an object in that bucket, or `undefined` when it does not exist. */
  headObject(key: string): Promise<number | undefined>;
}

/**
 * How the emulated game servers of a fleet behave (the emulator runs no real server process).
 * Without one, game sessions run until terminated.
 */
export interface GameServerBehaviour {
  /** Match length in seconds, drawn uniformly from [min, max] per game session; then it ends (TERMINATED). */
  readonly matchSeconds: { readonly min: number; readonly max: number };
  /** Share (0..1) of players who leave before the match ends, at a time drawn uniformly within it. Default 0. */
  readonly leaveShare?: number;
}

/** Tunables of the platform engines; durations in milliseconds. Defaults: `engines/settings.ts`. */
export interface EmulatorSettings {
  /** Time a new fleet spends in each status before the next (NEW ... ACTIVATING, then ACTIVE). */
  readonly fleetStatusDurationsMs: Readonly<
    Record<"NEW" | "DOWNLOADING" | "VALIDATING" | "BUILDING" | "ACTIVATING", number>
  >;
  /** Time a game session stays ACTIVATING (0 = active at the next tick). */
  readonly gameSessionActivationMs: number;
  /** A RESERVED player session not validated within this time turns TIMEDOUT (0 = never). */
  readonly playerSessionTimeoutMs: number;
  /** Lifetime of build upload credentials. */
  readonly uploadCredentialsTtlMs: number;
  /** Scale-out delay: a new instance stays PENDING this long before it is ACTIVE (0 = at once). */
  readonly instanceActivationMs: number;
  /** How often scaling policies and managed capacity are evaluated (GameLift: each minute). */
  readonly scalingIntervalMs: number;
  /** Game server behaviour of every fleet (none = sessions never end by themselves). */
  readonly gameServers?: GameServerBehaviour;
  /** Per-fleet game server behaviour, by fleet name or id; wins over `gameServers`. */
  readonly gameServersByFleet?: Readonly<Record<string, GameServerBehaviour>>;
  /** The local S3 that build uploads go to, when started. */
  readonly s3?: LocalS3Access;
  /** The UDP ping beacons the emulator runs, when started with `pingBeacons` (else ListLocations gives AWS's documented endpoints). */
  readonly pingBeacons?: PingBeaconAccess;
  /** Base URL of the emulator's HTTP server (game session log URLs point there). */
  readonly publicUrl?: string;
}

/** A UDP endpoint, as in GameLift's `PingBeacon.UDPEndpoint`. */
export interface UdpEndpoint {
  readonly Domain: string;
  readonly Port: number;
}

/** How ListLocations finds a location's ping beacon. */
export interface PingBeaconAccess {
  /** The beacon of a location, started on first use; `undefined` when there is none. */
  endpoint(location: string): Promise<UdpEndpoint | undefined>;
}

/** What every operation and engine is given. */
export interface EmulatorContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly region: string;
  readonly accountId: string;
  readonly notify: Notify;
  /**
   * In-process callers only: when set, FlexMatch events are handed over as objects here instead of
   * serialised through `notify` (a simulation would only parse the JSON back). Read-only to the receiver.
   */
  readonly notifyEvent?: (topicArn: string, event: Readonly<Record<string, unknown>>) => void;
  /** Engine tunables; missing ones take the defaults (`settingsOf` in `engines/settings.ts`). */
  readonly settings?: Partial<EmulatorSettings>;
}
