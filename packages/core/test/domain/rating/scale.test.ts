import { ordinal, rating } from "openskill";
import { describe, expect, it } from "vitest";
import { openskillModel, openskillScale } from "../../../src/index.js";

describe("openskillScale (openskill's defaults without loading openskill)", () => {
  it("gives a new player openskill's default rating", () => {
    const r = rating();
    expect(openskillScale.initial()).toEqual({ mu: r.mu, sigma: r.sigma });
  });

  it("displays a rating as openskill's ordinal", () => {
    for (const r of [rating(), { mu: 31.2, sigma: 4.1 }, { mu: 12, sigma: 7.9 }])
      expect(openskillScale.display(r)).toBeCloseTo(ordinal(r), 12);
  });

  it("is what the full model reads ratings with", () => {
    expect(openskillModel.initial()).toEqual(openskillScale.initial());
    expect(openskillModel.display({ mu: 30, sigma: 2 })).toBe(openskillScale.display({ mu: 30, sigma: 2 }));
  });
});
