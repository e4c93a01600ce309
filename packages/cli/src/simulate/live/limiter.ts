/** Options of {@link RequestLimiter}. */
export interface RequestLimiterOptions {
  /** At most this many requests start in any one second (a sliding window). */
  readonly ratePerSecond: number;
  /** At most this many requests in flight at once. */
  readonly concurrency: number;
  /** Wall clock (injectable for tests). */
  readonly now?: () => number;
}

/**
 * Bounds the requests `simulate --live` makes to a stage: never more than `ratePerSecond` started in
 * any 1-second window, never more than `concurrency` in flight. Waiters are served in arrival order.
 * @example const limiter = new RequestLimiter({ ratePerSecond: 20, concurrency: 8 }); await limiter.run(() => fetch(url));
 */
export class RequestLimiter {
  readonly #rate: number;
  readonly #concurrency: number;
  readonly #now: () => number;
  /** Start times of the requests of the last second, oldest first. */
  readonly #starts: number[] = [];
  readonly #waiters: (() => void)[] = [];
  #inFlight = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started = 0;
  #peakInFlight = 0;
  #peakPerSecond = 0;

  public constructor(options: RequestLimiterOptions) {
    if (!(options.ratePerSecond > 0) || !(options.concurrency >= 1))
      throw new RangeError("rate and concurrency must be positive");
    this.#rate = options.ratePerSecond;
    this.#concurrency = Math.floor(options.concurrency);
    this.#now = options.now ?? Date.now;
  }

  /** Runs `task` once a slot is free; resolves or rejects with it. */
  public async run<T>(task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.#waiters.push(resolve);
      this.#pump();
    });
    try {
      return await task();
    } finally {
      this.#inFlight--;
      this.#pump();
    }
  }

  /** A `fetch` whose every call goes through {@link run}. */
  public fetch(inner: typeof fetch = fetch): typeof fetch {
    return (input, init) => this.run(() => inner(input, init));
  }

  /** Requests started so far, the most in flight at once, the most started in one 1-second window. */
  public get stats(): { requests: number; peakInFlight: number; peakPerSecond: number } {
    return { requests: this.#started, peakInFlight: this.#peakInFlight, peakPerSecond: this.#peakPerSecond };
  }

  #pump(): void {
    while (this.#waiters.length > 0 && this.#inFlight < this.#concurrency) {
      const now = this.#now();
      while (this.#starts.length > 0 && (this.#starts[0] ?? 0) <= now - 1000) this.#starts.shift();
      if (this.#starts.length >= Math.max(1, Math.floor(this.#rate))) {
        // Wait until the oldest start of the window leaves it.
        if (this.#timer === undefined) {
          const wait = Math.max(1, (this.#starts[0] ?? now) + 1000 - now);
          this.#timer = setTimeout(() => {
            this.#timer = undefined;
            this.#pump();
          }, wait);
        }
        return;
      }
      this.#starts.push(now);
      this.#inFlight++;
      this.#started++;
      this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight);
      this.#peakPerSecond = Math.max(this.#peakPerSecond, this.#starts.length);
      this.#waiters.shift()?.();
    }
  }
}
