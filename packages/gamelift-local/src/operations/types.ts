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

/** Tunables of the platform engines; durations in milliseconds. Defaults: `engines/settings.ts`. */
export interface EmulatorSettings {
  /** Time a new fleet spends in each status before the next (NEW ... ACTIVATING, then ACTIVE). */
  readonly fleetStatusDurationsMs: Readonly<Record<"NEW" | "DOWNLOADING" | "VALIDATING" | "BUILDING" | "ACTIVATING", number>>;
  /** Time a game session stays ACTIVATING (0 = active at the next tick). */
  readonly gameSessionActivationMs: number;
  /** A RESERVED player session not validated within this time turns TIMEDOUT (0 = never). */
  readonly playerSessionTimeoutMs: number;
  /** Lifetime of build upload credentials. */
  readonly uploadCredentialsTtlMs: number;
  /** The local S3 that build uploads go to, when started. */
  readonly s3?: LocalS3Access;
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

/**
 * One GameLift API operation. Input is the decoded request body (model member names, PascalCase);
 * timestamps in the output are `Date` objects (the protocol layer encodes them per protocol).
 * Failures are thrown as `GameLiftError` subclasses from `../errors.js`.
 */
export type Operation<C extends EmulatorContext = EmulatorContext> = (
  input: Record<string, unknown>,
  ctx: C,
) => Record<string, unknown> | Promise<Record<string, unknown>>;
