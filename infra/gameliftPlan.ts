/**
 * Names and ARNs of the GameLift resources this stage uses: the ones seeded from infra/gamelift/
 * (prefixed `<app>-<stage>-`), or existing ones referenced by ARN (see infra/config.ts). ARNs are
 * derived from names so the topic policy exists before GameLift is told to publish to the topic.
 */
import { config } from "./config.js";
import { awsName, gameLiftArn, loadGameLiftSeed, nameFromArn, type GameLiftSeed } from "./gamelift.js";

/** What the stage's GameLift side looks like. */
export interface GameLiftPlan {
  /** The seed to create, or undefined when existing resources are referenced. */
  readonly seed?: GameLiftSeed;
  /** Seeded name → AWS name. */
  readonly name: (seeded: string) => string;
  /** ARNs of every matchmaking configuration that notifies the topic. */
  readonly configurationArns: $util.Output<string>[];
  /** ARNs of every game session queue that notifies the topic. */
  readonly queueArns: $util.Output<string>[];
  /** The configuration handlers start tickets on (the first one, by file name). */
  readonly configurationName: string;
  /** The queue handlers place game sessions on (the first queue of that configuration). */
  readonly queueName: string;
}

const partition = aws.getPartitionOutput().partition;
const region = aws.getRegionOutput().region;
const account = aws.getCallerIdentityOutput().accountId;

function plan(): GameLiftPlan {
  const name = (seeded: string): string => awsName($app.name, $app.stage, seeded);
  if (config.existingGameLift) {
    const { configurationArn, queueArn } = config.existingGameLift;
    return {
      name,
      configurationArns: [$output(configurationArn)],
      queueArns: [$output(queueArn)],
      configurationName: nameFromArn(configurationArn),
      queueName: nameFromArn(queueArn),
    };
  }
  const seed = loadGameLiftSeed("infra/gamelift");
  const arn = (kind: "matchmakingconfiguration" | "gamesessionqueue", seeded: string) =>
    $resolve([partition, region, account]).apply(([p, r, a]) => gameLiftArn(p, r, a, kind, name(seeded)));
  const primary = seed.configurations[0];
  if (!primary) throw new Error("infra/gamelift holds no matchmaking configuration");
  return {
    seed,
    name,
    configurationArns: seed.configurations.map((c) => arn("matchmakingconfiguration", c.Name)),
    queueArns: seed.queues.map((q) => arn("gamesessionqueue", q.Name)),
    configurationName: name(primary.Name),
    queueName: name(primary.GameSessionQueues?.[0] ?? seed.queues[0]?.Name ?? ""),
  };
}

/** The GameLift plan of this stage. */
export const gameLift: GameLiftPlan = plan();
