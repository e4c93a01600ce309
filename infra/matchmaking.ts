/**
 * GameLift FlexMatch on AWS: the rule sets, game session queues and matchmaking configurations of
 * infra/gamelift/, as one CloudFormation stack (the Pulumi AWS provider has no matchmaking
 * resources), all notifying the `Events` topic. With existing resources configured
 * (infra/config.ts) nothing is created and only the link is.
 */
import { config } from "./config.js";
import { gameLiftTemplate } from "./gamelift.js";
import { gameLift } from "./gameliftPlan.js";
import { events, eventsPolicy } from "./topics.js";

const seed = gameLift.seed;

/** The CloudFormation stack with the seeded GameLift resources (absent when reusing existing ones). */
const gameLiftStack = seed
  ? new aws.cloudformation.Stack(
      "GameLift",
      {
        name: `${$app.name}-${$app.stage}-gamelift`,
        templateBody: events.arn.apply((topicArn) =>
          gameLiftTemplate({ seed, name: gameLift.name, topicArn, destinations: config.queueDestinations }),
        ),
      },
      // GameLift drops events at once on a policy error: let it publish before it first can.
      { dependsOn: [eventsPolicy] },
    )
  : undefined;

/**
 * Linked to handlers as `Matchmaking`: `Resource.Matchmaking.configurationName` / `.queueName`.
 * Names come from the stack's outputs when it exists, so handlers are deployed after it.
 */
export const matchmaking = new sst.Linkable("Matchmaking", {
  properties: {
    configurationName: gameLiftStack
      ? gameLiftStack.outputs.apply(() => gameLift.configurationName)
      : $output(gameLift.configurationName),
    queueName: gameLiftStack ? gameLiftStack.outputs.apply(() => gameLift.queueName) : $output(gameLift.queueName),
  },
});
