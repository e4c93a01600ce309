import type { Clock } from "../clock/Clock.js";
import type { Store } from "../store/Store.js";

/** Publishes one notification (the serialized event envelope) to an SNS topic ARN. */
export type Notify = (topicArn: string, message: string) => void | Promise<void>;

/** Ids the emulator makes; injectable so tests can predict them. */
export interface IdSource {
  /** A random UUID v4. */
  uuid(): string;
}

/** What every operation and engine is given. */
export interface EmulatorContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly region: string;
  readonly accountId: string;
  readonly notify: Notify;
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
