import type { Clock } from "../clock.js";

/** Waits `ms` (injectable so tests never sleep). */
export type Sleep = (ms: number) => Promise<void>;

/** Options of {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Most tokens held (burst). */
  readonly burst: number;
  readonly clock: Clock;
  readonly sleep: Sleep;
}

/**
 * A token bucket that paces calls to a rate budget; `slowDown()` halves the rate for the rest of
 * its life (used after a ThrottlingException).
 * @example const bucket = new TokenBucket({ ratePerSecond: 10, burst: 10, clock, sleep }); await bucket.take();
 */
export class TokenBucket {
  #tokens: number;
  #rate: number;
  #last: number;
  readonly #burst: number;
  readonly #clock: Clock;
  readonly #sleep: Sleep;

  public constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1))
      throw new RangeError("ratePerSecond must be > 0 and burst >= 1");
    this.#rate = options.ratePerSecond;
    this.#burst = options.burst;
    this.#tokens = options.burst;
    this.#clock = options.clock;
    this.#sleep = options.sleep;
    this.#last = options.clock.now();
  }

  /** Current rate in tokens per second. */
  public get rate(): number {
    return this.#rate;
  }

  /** Takes one token, waiting until one is available. */
  public async take(): Promise<void> {
    this.#refill();
    while (this.#tokens < 1) {
      await this.#sleep(Math.ceil(((1 - this.#tokens) / this.#rate) * 1000));
      this.#refill();
    }
    this.#tokens -= 1;
  }

  /** Halves the rate (not below 0.1/s) and empties the bucket. */
  public slowDown(): void {
    this.#rate = Math.max(0.1, this.#rate / 2);
    this.#tokens = Math.min(this.#tokens, 0);
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#rate);
    this.#last = now;
  }
}
