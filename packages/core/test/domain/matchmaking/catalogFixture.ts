/**
 * An inline catalog for core's tests (core never reads infra/): files shaped like infra/gamelift's
 * arena rule set, configuration, queue and catalog.json.
 */
import type { CatalogFiles } from "../../../src/domain/matchmaking/index.js";

/** Parsed files of a one-configuration, one-queue stage. */
export const arenaFiles: CatalogFiles = {
  ruleSets: [
    {
      name: "arena-2v2",
      ruleLanguageVersion: "1.0",
      playerAttributes: [
        { name: "skill", type: "number", default: 1000 },
        { name: "mode", type: "string_list", default: ["ranked"] },
      ],
    },
  ],
  configurations: [
    {
      Name: "arena",
      RuleSetName: "arena-2v2",
      GameSessionQueues: ["arena"],
      RequestTimeoutSeconds: 120,
      AcceptanceRequired: false,
    },
  ],
  queues: [{ Name: "arena", TimeoutInSeconds: 60 }],
  choices: {
    configurations: [{ name: "arena", clientSettable: ["mode"] }],
    queues: [{ name: "arena", maxPlayerSessionCount: 200, gameProperties: { mode: "^[a-z0-9-]{1,32}$" } }],
  },
};
