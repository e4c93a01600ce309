import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { awsName, GameLiftSeedError, gameLiftTemplate, loadGameLiftSeed, logicalId, nameFromArn } from "../gamelift.js";
import { ROOT } from "./harness/runInfra.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A seed directory with the given files (`rulesets/a.json` → content). */
function seedDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "matchplace-seed-"));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const ruleSet = { name: "duel", ruleLanguageVersion: "1.0", teams: [{ name: "a", minPlayers: 1, maxPlayers: 1 }] };
const queue = { Name: "main", TimeoutInSeconds: 60 };
const configuration = {
  Name: "duel",
  RuleSetName: "duel",
  GameSessionQueues: ["main"],
  RequestTimeoutSeconds: 60,
  AcceptanceRequired: false,
};

describe("loadGameLiftSeed", () => {
  it("loads the repo's seed: rule sets, configurations and queues, not fleets", () => {
    const seed = loadGameLiftSeed(path.join(ROOT, "infra", "gamelift"));
    expect(seed.ruleSets.map((r) => r.name)).toContain("arena-2v2");
    expect(seed.configurations.map((c) => c.Name)).toContain("arena");
    expect(seed.queues.map((q) => q.Name)).toContain("arena");
  });

  it.each([
    [{ "configurations/x.json": { ...configuration, RuleSetName: "nope" } }, 'rule set "nope"'],
    [{ "configurations/x.json": { ...configuration, GameSessionQueues: ["nope"] } }, 'queue "nope"'],
    [{ "configurations/x.json": { ...configuration, GameSessionQueues: [] } }, "WITH_QUEUE"],
    [{ "configurations/x.json": { ...configuration, Colour: "red" } }, "unsupported field(s) Colour"],
    [{ "queues/main.json": { ...queue, Destinations: [] } }, "unsupported field(s) Destinations"],
    [{ "rulesets/bad.json": "{" }, "invalid JSON"],
  ])("rejects a bad seed (%#: %s)", (override, message) => {
    const dir = seedDir({
      "rulesets/duel.json": ruleSet,
      "queues/main.json": queue,
      "configurations/x.json": configuration,
      ...override,
    });
    expect(() => loadGameLiftSeed(dir)).toThrow(GameLiftSeedError);
    expect(() => loadGameLiftSeed(dir)).toThrow(message);
  });
});

describe("gameLiftTemplate", () => {
  it("wires configuration → rule set and queue by CloudFormation reference and notifies the topic", () => {
    const dir = seedDir({
      "rulesets/duel.json": ruleSet,
      "queues/main.json": queue,
      "configurations/duel.json": configuration,
    });
    const template = JSON.parse(
      gameLiftTemplate({
        seed: loadGameLiftSeed(dir),
        name: (n) => awsName("app", "dev", n),
        topicArn: "arn:topic",
        destinations: ["arn:fleet"],
      }),
    );
    expect(template.Resources.ConfigurationDuel.Properties).toMatchObject({
      Name: "app-dev-duel",
      RuleSetName: { Ref: "RuleSetDuel" },
      GameSessionQueueArns: [{ "Fn::GetAtt": ["QueueMain", "Arn"] }],
      NotificationTarget: "arn:topic",
    });
    expect(template.Resources.QueueMain.Properties.Destinations).toEqual([{ DestinationArn: "arn:fleet" }]);
    expect(Object.keys(template.Outputs)).toContain("ConfigurationDuelArn");
  });

  it("names and ids", () => {
    expect(logicalId("RuleSet", "arena-2v2")).toBe("RuleSetArena2v2");
    expect(nameFromArn("arn:aws:gamelift:us-east-1:1:gamesessionqueue/a-b")).toBe("a-b");
    expect(awsName("matchplace", "ci", "arena")).toBe("matchplace-ci-arena");
  });
});
