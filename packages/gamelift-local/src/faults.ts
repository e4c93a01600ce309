import { SystemClock, type Timers } from "./clock/Clock.js";
import {
  mergeShares,
  NOTIFICATION_SHARES,
  noNotificationFaults,
  NotificationSender,
  parseFaultSpec,
  planNotification,
  type NotificationFaults,
} from "./notificationFaults.js";
import type { Notify } from "./engines/context.js";

/**
 * Fault knobs of the emulator, to prove a backend copes with GameLift's best-effort notifications
 * and its rate limits. Every share is 0..1; settable at start and at run time (`PUT /local/faults`).
 * The notification knobs (drop, duplicate, delay, reorder) are the local SNS's too.
 */
export interface EmulatorFaults extends NotificationFaults {
  /** Share of API calls refused with ThrottlingException ("Rate exceeded"). */
  readonly throttle: number;
}

export const noEmulatorFaults: EmulatorFaults = { throttle: 0, ...noNotificationFaults };

const SHARES = ["throttle", ...NOTIFICATION_SHARES] as const;

/** Checks and merges a partial update into the faults in force; throws RangeError naming the bad knob. */
export function mergeFaults(current: EmulatorFaults, update: Record<string, unknown>): EmulatorFaults {
  return mergeShares(current, update, SHARES);
}

/** Parses `throttle=0.1,drop=0.05,...` (the stage's `--gamelift-faults` flag); throws RangeError. */
export function parseEmulatorFaults(spec: string): EmulatorFaults {
  return parseFaultSpec(spec, noEmulatorFaults, SHARES);
}

/** The switchboard the server and the notify wrapper read on every call. */
export class FaultSwitch {
  #faults: EmulatorFaults;
  readonly #random: () => number;
  readonly #sender: NotificationSender;

  /**
   * `random` rolls the dice; `timers` runs notification delays and hold-backs (real time by
   * default: they stand for the network between GameLift and SNS, not for GameLift's own clock).
   */
  public constructor(
    initial: Partial<EmulatorFaults> = {},
    random: () => number = Math.random,
    timers: Timers = new SystemClock(),
  ) {
    this.#faults = mergeFaults(noEmulatorFaults, initial);
    this.#random = random;
    this.#sender = new NotificationSender(timers);
  }

  public get(): EmulatorFaults {
    return this.#faults;
  }

  public set(update: Record<string, unknown>): EmulatorFaults {
    this.#faults = mergeFaults(this.#faults, update);
    return this.#faults;
  }

  /** Whether this API call is to be throttled. */
  public throttleNow(): boolean {
    return this.#faults.throttle > 0 && this.#random() < this.#faults.throttle;
  }

  /** Wraps a notify so drops, duplicates, delays and reorders apply to the emulator's own events. */
  public wrapNotify(notify: Notify, onError: (err: unknown) => void): Notify {
    return (topicArn, message) => {
      const f = this.#faults;
      for (const copy of planNotification(f, this.#random)) {
        this.#sender.send(
          topicArn,
          copy,
          () => {
            Promise.resolve()
              .then(() => notify(topicArn, message))
              .catch(onError);
          },
          f.maxDelayMs,
        );
      }
    };
  }

  /** Forgets notifications still held back or delayed (the emulator is closing). */
  public discardPending(): void {
    this.#sender.clear();
  }
}
