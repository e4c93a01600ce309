/**
 * The `Events` SNS topic that GameLift publishes FlexMatch and queue placement events to, its
 * policy, and the dead-letter queue for events the consumer could not take.
 */
import { gameLift } from "./gameliftPlan.js";

/**
 * Standard (not FIFO) topic: Lambda subscriptions need a standard topic, and GameLift may drop
 * events on a throttled FIFO topic (../shared gamelift-facts §6). No KMS key: GameLift could not
 * publish to a topic encrypted with the AWS-managed key.
 */
export const events = new sst.aws.SnsTopic("Events");

const account = aws.getCallerIdentityOutput().accountId;

const sourceArns = [...gameLift.configurationArns, ...gameLift.queueArns];

/** An explicit Deny of sns:Publish to everyone when `test variable values` holds. */
const denyPublish = (sid: string, test: string, variable: string, values: $util.Input<string>[]) => ({
  sid,
  effect: "Deny",
  principals: [{ type: "*", identifiers: ["*"] }],
  actions: ["sns:Publish"],
  resources: [events.arn],
  conditions: [{ test, variable, values }],
});

/**
 * A topic has exactly one policy, and the SnsTopic transform cannot refer to the topic's own ARN,
 * so the policy is its own resource. Only GameLift may publish, and only on behalf of this
 * account's matchmaking configurations and game session queues (confused-deputy guard).
 *
 * The Allow alone does not stop an IAM principal of this account whose own policy grants
 * sns:Publish (an explicit Allow in an identity policy suffices within an account). So three
 * explicit Denies, each on its own (conditions in one statement are ANDed, these must be ORed):
 * any caller that is not GameLift's service principal (`aws:PrincipalServiceName` is absent for
 * users and roles, and a negated operator matches a missing key), any other source account, and
 * any other source ARN.
 */
export const eventsPolicy = new aws.sns.TopicPolicy("EventsPolicy", {
  arn: events.arn,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        sid: "GameLiftPublish",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["gamelift.amazonaws.com"] }],
        actions: ["sns:Publish"],
        resources: [events.arn],
        conditions: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
          { test: "ArnLike", variable: "aws:SourceArn", values: sourceArns },
        ],
      },
      denyPublish("DenyPublishExceptGameLift", "StringNotEquals", "aws:PrincipalServiceName", [
        "gamelift.amazonaws.com",
      ]),
      denyPublish("DenyPublishFromOtherAccounts", "StringNotEquals", "aws:SourceAccount", [account]),
      denyPublish("DenyPublishForOtherSources", "ArnNotLike", "aws:SourceArn", sourceArns),
    ],
  }).json,
});

/** Events the consumer's subscription could not deliver; drained by the DLQ redrive function. */
export const eventsDeadLetter = new sst.aws.Queue("EventsDeadLetter", {
  transform: {
    queue: (args) => {
      args.messageRetentionSeconds = 14 * 24 * 60 * 60;
    },
  },
});

/** Lets the topic (and nothing else) drop undeliverable messages into the dead-letter queue. */
new aws.sqs.QueuePolicy("EventsDeadLetterPolicy", {
  queueUrl: eventsDeadLetter.url,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        sid: "EventsTopicDeadLetter",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["sns.amazonaws.com"] }],
        actions: ["sqs:SendMessage"],
        resources: [eventsDeadLetter.arn],
        conditions: [{ test: "ArnEquals", variable: "aws:SourceArn", values: [events.arn] }],
      },
    ],
  }).json,
});

// Links carry names only; permissions come from infra/permissions.ts (SST's defaults are sns:* / sqs:*).
sst.Linkable.wrap(sst.aws.SnsTopic, (resource) => ({ properties: { arn: resource.arn, name: resource.name } }));
sst.Linkable.wrap(sst.aws.Queue, (resource) => ({ properties: { url: resource.url, arn: resource.arn } }));
