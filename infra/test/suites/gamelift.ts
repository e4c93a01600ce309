/**
 * Assertions on the GameLift side of a mocked run that creates its own GameLift resources.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, type InfraRun } from "../harness/runInfra.js";

interface CfnResource {
  Type: string;
  Properties: Record<string, any>;
}

function readSeed(dir: string): Record<string, any>[] {
  const full = path.join(ROOT, "infra", "gamelift", dir);
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(full, f), "utf8")) as Record<string, any>);
}

/** The CloudFormation stack built from infra/gamelift/, and the `Matchmaking` link. */
export function gameLiftSuite(get: () => InfraRun, expected: { stage: string; destinations: string[] }): void {
  const prefix = `matchplace-${expected.stage}-`;
  const template = () => {
    const stack = get().get("aws:cloudformation/stack:Stack", "GameLift");
    return JSON.parse(stack.inputs.templateBody) as {
      Resources: Record<string, CfnResource>;
      Outputs: Record<string, unknown>;
    };
  };
  const ofType = (type: string) => Object.entries(template().Resources).filter(([, r]) => r.Type === type);
  const topicArn = () => get().get("aws:sns/topic:Topic", "EventsTopic").state.arn as string;

  describe("GameLift", () => {
    it("creates one rule set per file in rulesets/, with the file as its body", () => {
      const ruleSets = ofType("AWS::GameLift::MatchmakingRuleSet");
      const seeds = readSeed("rulesets");
      expect(ruleSets.map(([, r]) => r.Properties.Name).sort()).toEqual(seeds.map((s) => prefix + s.name).sort());
      for (const [, r] of ruleSets) {
        expect(JSON.parse(r.Properties.RuleSetBody)).toEqual(seeds.find((s) => prefix + s.name === r.Properties.Name));
      }
    });

    it("creates each queue of queues/ with the configured destinations, notifying the topic", () => {
      const queues = ofType("AWS::GameLift::GameSessionQueue");
      const seeds = readSeed("queues");
      expect(queues).toHaveLength(seeds.length);
      for (const seed of seeds) {
        const [, queue] = queues.find(([, q]) => q.Properties.Name === prefix + seed.Name)!;
        expect(queue.Properties).toEqual({
          ...seed,
          Name: prefix + seed.Name,
          Destinations: expected.destinations.map((arn) => ({ DestinationArn: arn })),
          NotificationTarget: topicArn(),
        });
      }
    });

    it("creates each configuration of configurations/ on its rule set and queues, notifying the topic", () => {
      const configurations = ofType("AWS::GameLift::MatchmakingConfiguration");
      const seeds = readSeed("configurations");
      expect(configurations).toHaveLength(seeds.length);
      const idOf = (type: string, name: string) =>
        ofType(type).find(([, r]) => r.Properties.Name === prefix + name)![0];
      for (const { Name, RuleSetName, GameSessionQueues, ...rest } of seeds) {
        const [, config] = configurations.find(([, c]) => c.Properties.Name === prefix + Name)!;
        expect(config.Properties).toEqual({
          ...rest,
          Name: prefix + Name,
          RuleSetName: { Ref: idOf("AWS::GameLift::MatchmakingRuleSet", RuleSetName) },
          GameSessionQueueArns: (GameSessionQueues as string[]).map((q) => ({
            "Fn::GetAtt": [idOf("AWS::GameLift::GameSessionQueue", q), "Arn"],
          })),
          NotificationTarget: topicArn(),
        });
      }
    });

    it("deploys no fleet (fleets/ is for the local stage) and only GameLift resources", () => {
      expect(new Set(Object.values(template().Resources).map((r) => r.Type))).toEqual(
        new Set([
          "AWS::GameLift::MatchmakingRuleSet",
          "AWS::GameLift::GameSessionQueue",
          "AWS::GameLift::MatchmakingConfiguration",
        ]),
      );
    });

    it("creates the stack after the topic policy, so GameLift's first events are not refused", () => {
      expect(get().options.get("aws:cloudformation/stack:Stack::GameLift")?.dependsOn).toContain("EventsPolicy");
    });

    it("links Table, Events and Matchmaking (names only) to every function", () => {
      const run = get();
      const table = run.ofType("aws:dynamodb/table:Table")[0]!;
      for (const build of run.builds) {
        expect(build.links.Table, build.handler).toMatchObject({ name: table.state.name });
        expect(build.links.Events, build.handler).toMatchObject({ arn: topicArn() });
        expect(build.links.Matchmaking, build.handler).toMatchObject({
          configurationName: `${prefix}arena`,
          queueName: `${prefix}arena`,
        });
      }
    });
  });
}
