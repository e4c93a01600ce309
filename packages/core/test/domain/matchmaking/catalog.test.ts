import { describe, expect, it } from "vitest";
import {
  type CatalogDocument,
  CatalogError,
  type CatalogFiles,
  catalogDocument,
  createCatalog,
} from "../../../src/domain/matchmaking/index.js";
import { arenaFiles } from "./catalogFixture.js";

const arena = catalogDocument(arenaFiles);

/** The arena files with one part replaced. */
const withFiles = (patch: Partial<CatalogFiles>): CatalogFiles => ({ ...arenaFiles, ...patch });
const choices = arenaFiles.choices as {
  configurations: { name: string; clientSettable: string[] }[];
  queues: { name: string; maxPlayerSessionCount: number; gameProperties: Record<string, string> }[];
};

/** The message of the CatalogError `f` throws. */
function catalogErrorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogError);
    return (err as Error).message;
  }
  throw new Error("expected a CatalogError");
}

describe("catalogDocument", () => {
  it("derives each configuration from its file and rule set, and each queue from its file, plus the choices", () => {
    expect(arena).toEqual({
      configurations: [
        {
          key: "arena",
          ruleSetName: "arena-2v2",
          attributes: [
            { name: "skill", type: "number", default: 1000 },
            { name: "mode", type: "string_list", default: ["ranked"] },
          ],
          clientSettable: ["mode"],
          acceptanceRequired: false,
          requestTimeoutSeconds: 120,
        },
      ],
      queues: [
        { key: "arena", gameProperties: { mode: "^[a-z0-9-]{1,32}$" }, maxPlayerSessionCount: 200, timeoutSeconds: 60 },
      ],
    });
  });

  it("is plain JSON: it survives a round trip through the environment unchanged", () => {
    expect(JSON.parse(JSON.stringify(arena))).toEqual(arena);
  });

  it("takes GameLift's 600 s default when a queue file names no timeout", () => {
    expect(catalogDocument(withFiles({ queues: [{ Name: "arena" }] })).queues[0]?.timeoutSeconds).toBe(600);
  });

  it.each([
    [
      "a configuration the files do not hold",
      withFiles({ choices: { ...choices, configurations: [{ name: "duel", clientSettable: [] }] } }),
      'configuration "duel" is not in configurations/',
    ],
    [
      "a queue the files do not hold",
      withFiles({ choices: { ...choices, queues: [{ ...choices.queues[0], name: "duel" }] } }),
      'queue "duel" is not in queues/',
    ],
    [
      "a configuration whose rule set is missing",
      withFiles({ ruleSets: [] }),
      'rule set "arena-2v2" is not in rulesets/',
    ],
    [
      "a client-settable attribute the rule set does not declare",
      withFiles({ choices: { ...choices, configurations: [{ name: "arena", clientSettable: ["skil"] }] } }),
      'client-settable "skil" of configuration "arena" is not declared by rule set arena-2v2',
    ],
    [
      "a game property pattern that does not compile",
      withFiles({ choices: { ...choices, queues: [{ ...choices.queues[0], gameProperties: { map: "([a-z" } }] } }),
      'game property "map" of queue "arena" is not a valid regular expression',
    ],
    [
      "a catalog.json with an unknown field",
      withFiles({ choices: { ...choices, defaults: "arena" } }),
      "catalog.json is malformed",
    ],
    ["a catalog.json with no queue", withFiles({ choices: { ...choices, queues: [] } }), "catalog.json is malformed"],
    [
      "a configuration file without AcceptanceRequired",
      withFiles({ configurations: [{ Name: "arena", RuleSetName: "arena-2v2", RequestTimeoutSeconds: 120 }] }),
      "configuration file #1 is malformed (AcceptanceRequired:",
    ],
    [
      "a rule set attribute of an unknown type",
      withFiles({ ruleSets: [{ name: "arena-2v2", playerAttributes: [{ name: "mode", type: "list" }] }] }),
      "rule set file #1 is malformed (playerAttributes.0.type:",
    ],
  ])("refuses %s, naming it", (_name, files, message) => {
    expect(catalogErrorOf(() => catalogDocument(files))).toContain(message);
  });
});

describe("createCatalog", () => {
  const duel = {
    key: "duel",
    ruleSetName: "duel-1v1",
    attributes: [
      { name: "mode", type: "string_list" },
      { name: "region", type: "string" },
    ],
    clientSettable: ["region"],
    acceptanceRequired: true,
    requestTimeoutSeconds: 60,
  } as const;
  const two: CatalogDocument = {
    configurations: [...arena.configurations, duel],
    queues: [...arena.queues, { key: "duel", gameProperties: {}, maxPlayerSessionCount: 2, timeoutSeconds: 30 }],
  };

  it("makes the first configuration and queue the defaults and finds the others by key", () => {
    const catalog = createCatalog(two);
    expect(catalog.defaultConfiguration.key).toBe("arena");
    expect(catalog.defaultQueue.key).toBe("arena");
    expect(catalog.findConfiguration("duel")?.acceptanceRequired).toBe(true);
    expect(catalog.findQueue("duel")?.maxPlayerSessionCount).toBe(2);
    expect(catalog.findConfiguration("nope")).toBeUndefined();
    expect(catalog.findQueue("nope")).toBeUndefined();
    expect(catalog.document).toEqual(two);
  });

  it("compiles game property patterns from their sources", () => {
    const pattern = createCatalog(arena).defaultQueue.gameProperties["mode"];
    expect(pattern?.test("ranked-2")).toBe(true);
    expect(pattern?.test("Ranked")).toBe(false);
  });

  it("lists every client-settable attribute across configurations once, with its rule-set type", () => {
    expect(createCatalog(two).clientSettableAttributes()).toEqual([
      { name: "mode", type: "string_list", default: ["ranked"] },
      { name: "region", type: "string" },
    ]);
  });

  it.each([
    ["no document", undefined, "document is malformed ((root):"],
    ["no configuration", { ...arena, configurations: [] }, "document is malformed (configurations:"],
    ["an unknown field", { ...arena, extra: 1 }, "document is malformed"],
    [
      "a configuration listed twice",
      { ...arena, configurations: [duel, duel] },
      'configuration "duel" is listed twice',
    ],
    ["a queue listed twice", { ...arena, queues: [...arena.queues, ...arena.queues] }, 'queue "arena" is listed twice'],
    [
      "one client-settable attribute with two types",
      {
        ...arena,
        configurations: [
          ...arena.configurations,
          { ...duel, attributes: [{ name: "mode", type: "string" }], clientSettable: ["mode"] },
        ],
      },
      'client-settable "mode" has type string_list and string in two rule sets',
    ],
  ])("refuses %s, naming it", (_name, doc, message) => {
    expect(catalogErrorOf(() => createCatalog(doc))).toContain(message);
  });
});
