import { describe, expect, it } from "vitest";
import { findMatches } from "../../../../src/engines/flexmatch/index.js";
import { NOW, party, ruleSet, solo } from "../helpers.js";

const threeSolo = { teams: [{ name: "ffa", minPlayers: 3, maxPlayers: 3 }] };

const collection = (rule: Record<string, unknown>, extraAttributes: Record<string, unknown>[] = []) =>
  ruleSet({
    playerAttributes: [
      { name: "maps", type: "string_list" },
      { name: "character", type: "string_list", default: ["peasant"] },
      ...extraAttributes,
    ],
    ...threeSolo,
    rules: [{ name: "C", type: "collection", ...rule }],
  });

describe("collection rule: intersection", () => {
  const rs = collection({
    operation: "intersection",
    measurements: ["flatten(teams[*].players.attributes[maps])"],
    minCount: 1,
  });

  it("matches players sharing at least minCount items", () => {
    const pool = [solo("a", { maps: ["x", "y"] }), solo("b", { maps: ["y", "z"] }), solo("c", { maps: ["y"] })];
    expect(findMatches(rs, pool, NOW)).toHaveLength(1);
  });

  it("does not match players with nothing in common", () => {
    const pool = [solo("a", { maps: ["x", "y"] }), solo("b", { maps: ["y", "z"] }), solo("c", { maps: ["z"] })];
    expect(findMatches(rs, pool, NOW)).toHaveLength(0);
  });

  it("honours maxCount", () => {
    const most = collection({
      operation: "intersection",
      measurements: ["flatten(teams[*].players.attributes[maps])"],
      maxCount: 1,
    });
    expect(
      findMatches(
        most,
        [solo("a", { maps: ["x", "y"] }), solo("b", { maps: ["x", "y"] }), solo("c", { maps: ["x", "y"] })],
        NOW,
      ),
    ).toHaveLength(0);
    expect(
      findMatches(
        most,
        [solo("a", { maps: ["x", "y"] }), solo("b", { maps: ["x"] }), solo("c", { maps: ["x", "y"] })],
        NOW,
      ),
    ).toHaveLength(1);
  });

  it("aggregates a party's lists by union (default) or intersection", () => {
    const pool = [party("p", [{ maps: ["x"] }, { maps: ["y"] }]), solo("s", { maps: ["x"] })];
    const byUnion = collection({
      operation: "intersection",
      measurements: ["flatten(teams[*].players.attributes[maps])"],
      minCount: 1,
    });
    expect(findMatches(byUnion, pool, NOW)).toHaveLength(1);
    const byIntersection = collection({
      operation: "intersection",
      measurements: ["flatten(teams[*].players.attributes[maps])"],
      minCount: 1,
      partyAggregation: "intersection",
    });
    expect(findMatches(byIntersection, pool, NOW)).toHaveLength(0);
  });
});

describe("collection rule: contains", () => {
  // The docs' OverallMedicLimit: at most one medic in the match.
  const rs = collection({
    operation: "contains",
    measurements: ["flatten(teams[*].players.attributes[character])"],
    referenceValue: "medic",
    maxCount: 1,
  });

  it("counts the lists holding the reference value", () => {
    const pool = [
      solo("a", { maps: [], character: ["medic"] }),
      solo("b", { maps: [], character: ["tank"] }),
      solo("c", { maps: [] }),
    ];
    expect(findMatches(rs, pool, NOW)).toHaveLength(1);
  });

  it("rejects a match over the count", () => {
    const pool = [
      solo("a", { maps: [], character: ["medic"] }),
      solo("b", { maps: [], character: ["medic", "tank"] }),
      solo("c", { maps: [] }),
    ];
    expect(findMatches(rs, pool, NOW)).toHaveLength(0);
  });

  it("requires minCount holders", () => {
    const need = collection({
      operation: "contains",
      measurements: ["flatten(teams[*].players.attributes[character])"],
      referenceValue: "medic",
      minCount: 1,
    });
    expect(
      findMatches(need, [solo("a", { maps: [] }), solo("b", { maps: [] }), solo("c", { maps: [] })], NOW),
    ).toHaveLength(0);
    expect(
      findMatches(
        need,
        [solo("a", { maps: [] }), solo("b", { maps: [], character: ["medic"] }), solo("c", { maps: [] })],
        NOW,
      ),
    ).toHaveLength(1);
  });
});

describe("collection rule: reference_intersection_count", () => {
  // The docs' preferred_characters example.
  const rs = ruleSet({
    playerAttributes: [
      { name: "myCharacter", type: "string_list" },
      { name: "preferredOpponents", type: "string_list" },
    ],
    ...threeSolo,
    rules: [
      {
        name: "OpponentMatch",
        type: "collection",
        operation: "reference_intersection_count",
        measurements: ["flatten(teams[*].players.attributes[myCharacter])"],
        referenceValue: "set_intersection(flatten(teams[*].players.attributes[preferredOpponents]))",
        minCount: 1,
      },
    ],
    expansions: [{ target: "rules[OpponentMatch].minCount", steps: [{ waitTimeSeconds: 15, value: 0 }] }],
  });
  const everyone = ["orc", "elf", "dwarf"];

  it("matches when each list meets the reference within the bounds", () => {
    const pool = [
      solo("a", { myCharacter: ["orc"], preferredOpponents: everyone }),
      solo("b", { myCharacter: ["elf"], preferredOpponents: everyone }),
      solo("c", { myCharacter: ["dwarf"], preferredOpponents: everyone }),
    ];
    expect(findMatches(rs, pool, NOW)).toHaveLength(1);
  });

  it("does not match when one list misses the reference, until minCount expands to 0", () => {
    const pool = (age: number) => [
      solo("a", { myCharacter: ["orc"], preferredOpponents: ["elf", "dwarf"] }, age),
      solo("b", { myCharacter: ["elf"], preferredOpponents: everyone }, age),
      solo("c", { myCharacter: ["dwarf"], preferredOpponents: everyone }, age),
    ];
    expect(findMatches(rs, pool(0), NOW)).toHaveLength(0);
    expect(findMatches(rs, pool(15), NOW)).toHaveLength(1);
  });

  it("accepts a literal list reference", () => {
    const literal = collection({
      operation: "reference_intersection_count",
      measurements: ["flatten(teams[*].players.attributes[maps])"],
      referenceValue: ["x", "y"],
      minCount: 2,
    });
    expect(
      findMatches(
        literal,
        [solo("a", { maps: ["x", "y"] }), solo("b", { maps: ["y", "x", "z"] }), solo("c", { maps: ["x", "y"] })],
        NOW,
      ),
    ).toHaveLength(1);
    expect(
      findMatches(
        literal,
        [solo("a", { maps: ["x", "y"] }), solo("b", { maps: ["y", "z"] }), solo("c", { maps: ["x", "y"] })],
        NOW,
      ),
    ).toHaveLength(0);
  });
});
