import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestLimiter } from "../../../src/simulate/live/limiter.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("RequestLimiter (simulate --live)", () => {
  it("never starts more than the rate in any second nor runs more than the concurrency at once", async () => {
    const limiter = new RequestLimiter({ ratePerSecond: 3, concurrency: 2, now: () => Date.now() });
    const starts: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const tasks = Array.from({ length: 9 }, () =>
      limiter.run(async () => {
        starts.push(Date.now());
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 100));
        inFlight--;
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(tasks);

    expect(starts).toHaveLength(9);
    expect(peak).toBe(2);
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(3);
    // Not slower than both bounds force: 0, 0, 0.1 s (the third waits for a free slot), then the same a second later, twice.
    expect(starts).toEqual([0, 0, 100, 1000, 1000, 1100, 2000, 2000, 2100]);
    expect(limiter.stats).toEqual({ requests: 9, peakInFlight: 2, peakPerSecond: 3 });
  });

  it("frees the slot of a failed request", async () => {
    const limiter = new RequestLimiter({ ratePerSecond: 100, concurrency: 1, now: () => Date.now() });
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
