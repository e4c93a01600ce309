import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock/Clock.js";

describe("ManualClock", () => {
  it("runs timers as it advances, in due order, each at its due time", () => {
    const clock = new ManualClock(1_000);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => ran.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => ran.push(`c@${clock.now()}`), 200);
    clock.advance(99);
    expect(ran).toEqual([]);
    expect(clock.advance(151)).toBe(1_250);
    expect(ran).toEqual(["a@1100", "b@1200", "c@1200"]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("runs a timer set by a timer when the clock reaches it, and never a cleared one", () => {
    const clock = new ManualClock(0);
    const ran: number[] = [];
    clock.setTimeout(() => clock.setTimeout(() => ran.push(clock.now()), 50), 50);
    const cleared = clock.setTimeout(() => ran.push(-1), 10);
    clock.clearTimeout(cleared);
    clock.set(120);
    expect(ran).toEqual([100]);
    expect(clock.now()).toBe(120);
  });

  it("moves back with set without running anything, and refuses to advance backwards", () => {
    const clock = new ManualClock(500);
    const ran: number[] = [];
    clock.setTimeout(() => ran.push(clock.now()), 100);
    clock.set(100);
    expect(ran).toEqual([]);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    clock.advance(500);
    expect(ran).toEqual([600]);
  });
});
