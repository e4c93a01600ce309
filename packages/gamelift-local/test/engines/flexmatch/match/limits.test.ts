import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../src/engines/flexmatch/index.js";
import { compile, primaryKeyAttribute } from "../../../../src/engines/flexmatch/match/compile.js";
import { DEFAULT_LIMITS, matchExhaustive } from "../../../../src/engines/flexmatch/match/exhaustive.js";
import { prepare } from "../../../../src/engines/flexmatch/match/prepare.js";
import { NOW, ruleSet, solo } from "../helpers.js";

describe("work limits of the exhaustive search", () => {
  const rs = ruleSet({
    playerAttributes: [{ name: "skill", type: "number" }],
    teams: [
      { name: "red", minPlayers: 1, maxPlayers: 1 },
      { name: "blue", minPlayers: 1, maxPlayers: 1 },
    ],
  });
  const pool = Array.from({ length: 20 }, (_, i) => solo(`t${i}`, { skill: i }, 100 - i));
  /** The ticket ids of each match, read inside onMatch (the matcher reuses its drafts afterwards). */
  const run = (limits = DEFAULT_LIMITS): string[][] => {
    const compiled = compile(rs);
    const out: string[][] = [];
    matchExhaustive(
      compiled,
      prepare(pool, compiled, NOW, seededRandom(1)),
      primaryKeyAttribute(rs),
      Infinity,
      (m) => out.push(m.draft.entries().map((e) => e.ticketId)),
      limits,
    );
    return out;
  };

  it("matches the whole pool within the default limits", () => {
    expect(run()).toHaveLength(10);
  });

  it("stops once the call's evaluation cap is spent, having served the oldest anchors", () => {
    const capped = run({ ...DEFAULT_LIMITS, evaluationsPerTicket: 0, evaluationsBase: 6 });
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.length).toBeLessThan(10);
    expect(capped[0]).toContain("t0");
  });
});
