import { describe, expect, it } from "vitest";
import { etagOf, ifNoneMatchHits } from "../../src/http/etag.js";

describe("ETags", () => {
  it("are equal for equal views and differ for changed ones", () => {
    expect(etagOf({ a: 1 })).toBe(etagOf({ a: 1 }));
    expect(etagOf({ a: 1 })).not.toBe(etagOf({ a: 2 }));
  });

  it("match If-None-Match lists, weak tags and *", () => {
    const tag = etagOf({ a: 1 });
    expect(ifNoneMatchHits(`"x", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});
