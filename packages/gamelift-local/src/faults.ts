import type { Notify } from "./operations/types.js";

/**
 * Fault knobs of the emulator, to prove a backend copes with GameLift's best-effort notifications
 * and its rate limits. Every share is 0..1; settable at start and at run time (`PUT /local/faults`).
 */
export interface EmulatorFaults {
  /** Share of API calls refused with ThrottlingException ("Rate exceeded"). */
  readonly throttle: number;
  /** Share of notifications never sent. */
  readonly drop: number;
  /** Share of notifications sent twice. */
  readonly duplicate: number;
  /** Share of notifications held back by a random delay up to `maxDelayMs` (so they arrive out of order). */
  readonly delay: number;
  readonly maxDelayMs: number;
}

export const noEmulatorFaults: EmulatorFaults = { throttle: 0, drop: 0, duplicate: 0, delay: 0, maxDelayMs: 0 };

const SHARES = ["throttle", "drop", "duplicate", "delay"] as const;

/** Checks and merges a partial update into the faults in force; throws RangeError naming the bad knob. */
export function mergeFaults(current: EmulatorFaults, update: Record<string, unknown>): EmulatorFaults {
  const next: Record<string, number> = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (!(key in noEmulatorFaults)) throw new RangeError(`unknown fault "${key}": expected ${Object.keys(noEmulatorFaults).join(", ")}`);
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError(`fault "${key}" must be a number >= 0`);
    if ((SHARES as readonly string[]).includes(key) && value > 1) throw new RangeError(`fault "${key}" is a share between 0 and 1`);
    next[key] = value;
  }
  return next as unknown as EmulatorFaults;
}

/** The switchboard the server and the notify wrapper read on every call. */
export class FaultSwitch {
  #faults: EmulatorFaults;
  readonly #random: () => number;

  public constructor(initial: Partial<EmulatorFaults> = {}, random: () => number = Math.random) {
    this.#faults = mergeFaults(noEmulatorFaults, initial);
    this.#random = random;
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

  /**
   * Wraps a notify so drops, duplicates and delays apply to the emulator's own events.
   * Delays run on real time: they stand for the network between GameLift and SNS, not for GameLift.
   */
  public wrapNotify(notify: Notify, onError: (err: unknown) => void): Notify {
    return (topicArn, message) => {
      const f = this.#faults;
      if (f.drop > 0 && this.#random() < f.drop) return;
      const copies = f.duplicate > 0 && this.#random() < f.duplicate ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        const delayMs = f.delay > 0 && this.#random() < f.delay ? Math.floor(this.#random() * f.maxDelayMs) : 0;
        const send = (): void => {
          Promise.resolve()
            .then(() => notify(topicArn, message))
            .catch(onError);
        };
        if (delayMs > 0) setTimeout(send, delayMs);
        else send();
      }
    };
  }
}
