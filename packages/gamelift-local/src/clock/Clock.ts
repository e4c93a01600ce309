/** The emulator's only source of time. Engines and operations never call `Date.now()` directly. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A timer started by {@link Timers.setTimeout}; only good for handing back to `clearTimeout`. */
export type TimerHandle = unknown;

/** Callbacks run after a delay on some clock's time (what waits instead of `setTimeout`). */
export interface Timers {
  /** Runs `callback` once, `ms` from now. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer that has not run yet (no-op otherwise). */
  clearTimeout(handle: TimerHandle): void;
}

/** Wall-clock time, for the running local stage; its timers are Node's. */
export class SystemClock implements Clock, Timers {
  public now(): number {
    return Date.now();
  }

  public setTimeout(callback: () => void, ms: number): TimerHandle {
    return setTimeout(callback, ms);
  }

  public clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

interface ManualTimer {
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock that only moves when told to, for tests of engines over (virtual) time. Its timers run
 * while it moves: `advance` and `set` run every timer due by the new time, in due order, each with
 * the clock at its due time.
 * @example
 * const clock = new ManualClock(Date.parse("2026-01-01T00:00:00Z"));
 * clock.setTimeout(() => console.log("half a minute"), 30_000);
 * clock.advance(30_000); // thirty virtual seconds later; logs "half a minute"
 */
export class ManualClock implements Clock, Timers {
  #now: number;
  /** Pending timers, by due time (ties in the order they were set). */
  readonly #timers: ManualTimer[] = [];

  public constructor(start = Date.parse("2026-01-01T00:00:00.000Z")) {
    this.#now = start;
  }

  public now(): number {
    return this.#now;
  }

  public advance(ms: number): number {
    if (ms < 0) throw new RangeError("a clock does not run backwards");
    this.#runUntil(this.#now + ms);
    return this.#now;
  }

  /** Moves the clock to `epochMs`; moving forward runs the timers due by then. */
  public set(epochMs: number): void {
    if (epochMs > this.#now) this.#runUntil(epochMs);
    else this.#now = epochMs;
  }

  public setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer: ManualTimer = { at: this.#now + Math.max(0, ms), callback };
    let i = this.#timers.length;
    while (i > 0 && (this.#timers[i - 1] as ManualTimer).at > timer.at) i--;
    this.#timers.splice(i, 0, timer);
    return timer;
  }

  public clearTimeout(handle: TimerHandle): void {
    const i = this.#timers.indexOf(handle as ManualTimer);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** How many timers have not run yet. */
  public get pendingTimers(): number {
    return this.#timers.length;
  }

  #runUntil(target: number): void {
    for (let next = this.#timers[0]; next !== undefined && next.at <= target; next = this.#timers[0]) {
      this.#timers.shift();
      this.#now = next.at;
      next.callback();
    }
    this.#now = target;
  }
}
