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

/**
 * A topic has exactly one policy, and the SnsTopic transform cannot refer to the topic's own ARN,
 * so the policy is its own resource. Only GameLift may publish, and only on behalf of this
 * account's matchmaking configurations and game session queues (confused-deputy guard).
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
          { test: "ArnLike", variable: "aws:SourceArn", values: [...gameLift.configurationArns, ...gameLift.queueArns] },
        ],
      },
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
export const eventsDeadLetterPolicy = new aws.sqs.QueuePolicy("EventsDeadLetterPolicy", {
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
