import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortPositions } from "../../../../src/engines/flexmatch/match/prepare.js";

/** The order sortPositions promises: by key, then tie, then position (a plain comparator sort). */
const reference = (keys: number[], tie?: number[]): number[] =>
  keys
    .map((_, i) => i)
    .sort(
      (x, y) =>
        (keys[x] as number) - (keys[y] as number) || (tie ? (tie[x] as number) - (tie[y] as number) : 0) || x - y,
    );

describe("sortPositions (counting or packed native sort, with a comparator fallback)", () => {
  it("orders integral keys with many ties by key, then tie-break, then position", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }),
        (pairs) => {
          const keys = pairs.map((p) => p[0]);
          const tie = pairs.map((p) => p[1] / 4);
          expect([...sortPositions(Float64Array.from(keys), Float64Array.from(tie))]).toEqual(reference(keys, tie));
          expect([...sortPositions(Float64Array.from(keys))]).toEqual(reference(keys));
        },
      ),
    );
  });

  it("orders integral keys both narrow (counting sort) and wide (packed sort) spans", () => {
    fc.assert(
      fc.property(
        // 64–400 keys: a span ≤ 512 is counting-sorted, one ≥ 4,000 (> 8n) packed.
        fc.oneof(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 4_000, max: 200_000 })),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 64, maxLength: 400 }),
        (span, pairs) => {
          const keys = pairs.map((p) => (p[0] % span) - 7);
          const tie = pairs.map((p) => p[1] / 4);
          expect([...sortPositions(Float64Array.from(keys), Float64Array.from(tie))]).toEqual(reference(keys, tie));
          expect([...sortPositions(Float64Array.from(keys))]).toEqual(reference(keys));
        },
      ),
    );
  });

  it("falls back to the comparator for fractional keys and spans too wide to pack", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(-1e300, 1e300, 0.5)), {
          maxLength: 100,
        }),
        (keys) => {
          expect([...sortPositions(Float64Array.from(keys))]).toEqual(reference(keys));
        },
      ),
    );
  });

  it("packs epoch-millisecond start times exactly", () => {
    const t = Date.parse("2026-01-01T00:00:00.000Z");
    const keys = [t + 5, t, t + 5, t - 60_000, t];
    const tie = [0.9, 0.2, 0.1, 0.5, 0.1];
    expect([...sortPositions(Float64Array.from(keys), Float64Array.from(tie))]).toEqual([3, 4, 1, 2, 0]);
  });
});
