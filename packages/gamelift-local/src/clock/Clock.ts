/** The emulator's only source of time. Engines and operations never call `Date.now()` directly. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Wall-clock time, for the running local stage. */
export class SystemClock implements Clock {
  public now(): number {
    return Date.now();
  }
}

/**
 * A clock that only moves when told to, for tests of engines over (virtual) time.
 * @example
 * const clock = new ManualClock(Date.parse("2026-01-01T00:00:00Z"));
 * clock.advance(30_000); // thirty virtual seconds later
 */
export class ManualClock implements Clock {
  #now: number;

  public constructor(start = Date.parse("2026-01-01T00:00:00.000Z")) {
    this.#now = start;
  }

  public now(): number {
    return this.#now;
  }

  public advance(ms: number): number {
    if (ms < 0) throw new RangeError("a clock does not run backwards");
    this.#now += ms;
    return this.#now;
  }

  public set(epochMs: number): void {
    this.#now = epochMs;
  }
}
