import { ThrottledError } from "@matchplace/core";
import { describe, expect, it } from "vitest";
import { InstanceLimiter } from "../../../src/http/middleware/instanceLimit.js";

describe("InstanceLimiter (in-memory per-player read limit)", () => {
  it("lets `limit` requests through per window, then answers RATE_LIMITED until the window ends", () => {
    const limiter = new InstanceLimiter({ limit: 3, windowMs: 10_000 });
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 3; i += 1) limiter.hit("p1", t0 + i);
    let err: unknown;
    try {
      limiter.hit("p1", t0 + 4_000);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ThrottledError);
    expect((err as ThrottledError).code).toBe("RATE_LIMITED");
    expect((err as ThrottledError).retryAfterMs).toBe(10_000 - ((t0 + 4_000) % 10_000));
    // Other players are counted apart; the next window starts afresh.
    expect(() => limiter.hit("p2", t0 + 4_000)).not.toThrow();
    const next = t0 - (t0 % 10_000) + 10_000;
    expect(() => limiter.hit("p1", next)).not.toThrow();
  });

  it("forgets players whose window has ended once it remembers many", () => {
    const limiter = new InstanceLimiter({ limit: 1, windowMs: 1_000 });
    for (let i = 0; i < 10_000; i += 1) limiter.hit(`p${i}`, 0);
    expect(limiter.size).toBe(10_000);
    limiter.hit("late", 5_000);
    expect(limiter.size).toBe(1);
  });
});
