/**
 * Loads the seeded GameLift resources in `infra/gamelift/` (shared with the local stage) and turns
 * them into AWS names, ARNs and a CloudFormation template. Pure data: no resources are created here.
 * The file format is described in infra/gamelift/README.md.
 */
import fs from "node:fs";
import path from "node:path";

/** A matchmaking rule set: its FlexMatch body (the `name` inside is informational). */
interface RuleSetFile {
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/** CreateMatchmakingConfiguration-like input; `GameSessionQueues` holds queue NAMES from queues/. */
interface ConfigurationFile {
  readonly Name: string;
  readonly RuleSetName: string;
  readonly GameSessionQueues?: readonly string[];
  readonly FlexMatchMode?: "STANDALONE" | "WITH_QUEUE";
  readonly RequestTimeoutSeconds: number;
  readonly AcceptanceRequired: boolean;
  readonly [field: string]: unknown;
}

/** CreateGameSessionQueue-like input. */
interface QueueFile {
  readonly Name: string;
  readonly [field: string]: unknown;
}

/** Everything in infra/gamelift/ that deploys to AWS (fleets/ is local-stage only). */
export interface GameLiftSeed {
  readonly ruleSets: readonly RuleSetFile[];
  readonly configurations: readonly ConfigurationFile[];
  readonly queues: readonly QueueFile[];
}

/** Thrown when a file in infra/gamelift/ is malformed or refers to something missing. */
export class GameLiftSeedError extends Error {
  constructor(file: string, message: string) {
    super(`infra/gamelift/${file}: ${message}`);
    this.name = "GameLiftSeedError";
  }
}

function readDir(root: string, dir: string): { file: string; data: Record<string, unknown> }[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const file = `${dir}/${f}`;
      try {
        return { file, data: JSON.parse(fs.readFileSync(path.join(full, f), "utf8")) as Record<string, unknown> };
      } catch (cause) {
        throw new GameLiftSeedError(file, `invalid JSON (${(cause as Error).message})`);
      }
    });
}

/** Fields CloudFormation accepts (AWS::GameLift::MatchmakingConfiguration), plus `GameSessionQueues`. */
const CONFIGURATION_FIELDS = new Set([
  "Name",
  "Description",
  "RuleSetName",
  "GameSessionQueues",
  "FlexMatchMode",
  "RequestTimeoutSeconds",
  "AcceptanceRequired",
  "AcceptanceTimeoutSeconds",
  "BackfillMode",
  "AdditionalPlayerCount",
  "CustomEventData",
  "GameProperties",
  "GameSessionData",
]);
/** Fields CloudFormation accepts (AWS::GameLift::GameSessionQueue); destinations come from config. */
const QUEUE_FIELDS = new Set([
  "Name",
  "TimeoutInSeconds",
  "PlayerLatencyPolicies",
  "CustomEventData",
  "FilterConfiguration",
  "PriorityConfiguration",
]);

function checkFields(file: string, data: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  const unknown = Object.keys(data).filter((k) => !allowed.has(k));
  if (unknown.length > 0) throw new GameLiftSeedError(file, `unsupported field(s) ${unknown.join(", ")}`);
}

function requireString(file: string, data: Record<string, unknown>, field: string): string {
  const value = data[field];
  if (typeof value !== "string" || value.length === 0)
    throw new GameLiftSeedError(file, `"${field}" must be a non-empty string`);
  return value;
}

/**
 * Reads and cross-checks rulesets/, configurations/ and queues/ under `root`.
 * @example const seed = loadGameLiftSeed("infra/gamelift");
 */
export function loadGameLiftSeed(root: string): GameLiftSeed {
  const ruleSets = readDir(root, "rulesets").map(({ file, data }) => ({
    name: requireString(file, data, "name"),
    body: data,
  }));
  const queues = readDir(root, "queues").map(({ file, data }) => {
    requireString(file, data, "Name");
    checkFields(file, data, QUEUE_FIELDS);
    return data as QueueFile;
  });
  const configurations = readDir(root, "configurations").map(({ file, data }) => {
    requireString(file, data, "Name");
    const ruleSet = requireString(file, data, "RuleSetName");
    checkFields(file, data, CONFIGURATION_FIELDS);
    const config = data as ConfigurationFile;
    if (!ruleSets.some((r) => r.name === ruleSet))
      throw new GameLiftSeedError(file, `rule set "${ruleSet}" is not in rulesets/`);
    for (const queue of config.GameSessionQueues ?? []) {
      if (!queues.some((q) => q.Name === queue))
        throw new GameLiftSeedError(file, `queue "${queue}" is not in queues/`);
    }
    if (config.FlexMatchMode !== "STANDALONE" && (config.GameSessionQueues ?? []).length === 0) {
      throw new GameLiftSeedError(file, "WITH_QUEUE configurations need at least one of GameSessionQueues");
    }
    return config;
  });
  if (configurations.length === 0) throw new GameLiftSeedError("configurations", "no matchmaking configuration found");
  return { ruleSets, configurations, queues };
}

/** The name a seeded resource gets on AWS: prefixed with app and stage so stages can share an account. */
export function awsName(app: string, stage: string, name: string): string {
  return `${app}-${stage}-${name}`.slice(0, 128);
}

/** `arn:<partition>:gamelift:<region>:<account>:<kind>/<name>`. */
export function gameLiftArn(
  partition: string,
  region: string,
  account: string,
  kind: "matchmakingconfiguration" | "gamesessionqueue",
  name: string,
): string {
  return `arn:${partition}:gamelift:${region}:${account}:${kind}/${name}`;
}

/** The resource name at the end of a GameLift ARN. */
export function nameFromArn(arn: string): string {
  return arn.slice(arn.indexOf("/") + 1);
}

/** CloudFormation logical id from a seeded name (`arena-2v2` → `Arena2v2`). */
export function logicalId(prefix: string, name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return prefix + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

/** Inputs of {@link gameLiftTemplate}. */
export interface GameLiftTemplateOptions {
  readonly seed: GameLiftSeed;
  /** Maps a seeded name to its AWS name (see {@link awsName}). */
  readonly name: (seeded: string) => string;
  /** SNS topic ARN that configurations and queues notify. */
  readonly topicArn: string;
  /** Fleet or alias ARNs for every queue. */
  readonly destinations: readonly string[];
}

/**
 * Builds the CloudFormation template (JSON) with one AWS::GameLift::MatchmakingRuleSet per rule set,
 * one AWS::GameLift::GameSessionQueue per queue and one AWS::GameLift::MatchmakingConfiguration per
 * configuration, each notifying `topicArn`. Outputs `<LogicalId>Name` and `<LogicalId>Arn` of each.
 */
export function gameLiftTemplate(options: GameLiftTemplateOptions): string {
  const { seed, name, topicArn, destinations } = options;
  const resources: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  const output = (id: string): void => {
    outputs[`${id}Name`] = { Value: { "Fn::GetAtt": [id, "Name"] } };
    outputs[`${id}Arn`] = { Value: { "Fn::GetAtt": [id, "Arn"] } };
  };

  for (const ruleSet of seed.ruleSets) {
    const id = logicalId("RuleSet", ruleSet.name);
    resources[id] = {
      Type: "AWS::GameLift::MatchmakingRuleSet",
      Properties: { Name: name(ruleSet.name), RuleSetBody: JSON.stringify(ruleSet.body) },
    };
    output(id);
  }
  for (const queue of seed.queues) {
    const id = logicalId("Queue", queue.Name);
    const { Name, ...rest } = queue;
    resources[id] = {
      Type: "AWS::GameLift::GameSessionQueue",
      Properties: {
        ...rest,
        Name: name(Name),
        Destinations: destinations.map((arn) => ({ DestinationArn: arn })),
        NotificationTarget: topicArn,
      },
    };
    output(id);
  }
  for (const configuration of seed.configurations) {
    const id = logicalId("Configuration", configuration.Name);
    const { Name, RuleSetName, GameSessionQueues, ...rest } = configuration;
    resources[id] = {
      Type: "AWS::GameLift::MatchmakingConfiguration",
      Properties: {
        ...rest,
        Name: name(Name),
        // Ref of a rule set is its name; it also orders creation after the rule set.
        RuleSetName: { Ref: logicalId("RuleSet", RuleSetName) },
        ...(GameSessionQueues && GameSessionQueues.length > 0
          ? { GameSessionQueueArns: GameSessionQueues.map((q) => ({ "Fn::GetAtt": [logicalId("Queue", q), "Arn"] })) }
          : {}),
        NotificationTarget: topicArn,
      },
    };
    output(id);
  }
  return JSON.stringify({
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "matchplace GameLift FlexMatch resources (generated from infra/gamelift/)",
    Resources: resources,
    Outputs: outputs,
  });
}
