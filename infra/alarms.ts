/**
 * CloudWatch alarms on what needs a human: events piling up in the dead-letter queue, the consumer
 * failing, and the API answering 5xx. They notify the `Alarms` topic, with an email subscription
 * when MATCHPLACE_ALARM_EMAIL is set.
 */
import { api } from "./api.js";
import { config } from "./config.js";
import { consumer } from "./consumer.js";
import { eventsDeadLetter } from "./topics.js";

/** Alarm notifications; subscribe anything (chat, pager) to it. */
export const alarms = new sst.aws.SnsTopic("Alarms");

if (config.alarmEmail) {
  new aws.sns.TopicSubscription("AlarmsEmail", { topic: alarms.arn, protocol: "email", endpoint: config.alarmEmail });
}

const actions = { alarmActions: [alarms.arn], okActions: [alarms.arn] };

/** An alarm that fires as soon as a 5-minute statistic of a metric is above zero. */
function aboveZero(
  name: string,
  description: string,
  metric: Pick<aws.cloudwatch.MetricAlarmArgs, "namespace" | "metricName" | "dimensions" | "statistic">,
) {
  return new aws.cloudwatch.MetricAlarm(name, {
    alarmDescription: description,
    ...metric,
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData: "notBreaching",
    ...actions,
  });
}

/** Any event in the dead-letter queue means the table may be missing a ticket or placement update. */
aboveZero(
  "EventsDeadLetterAlarm",
  "GameLift events are waiting in the dead-letter queue: fix the cause, then run the redrive function",
  {
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    dimensions: { QueueName: eventsDeadLetter.nodes.queue.name },
    statistic: "Maximum",
  },
);

/** The consumer threw (each failure is retried, then dead-lettered). */
aboveZero("ConsumerErrorsAlarm", "The GameLift event consumer is failing", {
  namespace: "AWS/Lambda",
  metricName: "Errors",
  dimensions: { FunctionName: consumer.nodes.function.name },
  statistic: "Sum",
});

/** More than 5% of API requests answered 5xx over 5 minutes (and at least 10 requests). */
new aws.cloudwatch.MetricAlarm("Api5xxRateAlarm", {
  alarmDescription: "The player API answers more than 5% 5xx",
  comparisonOperator: "GreaterThanThreshold",
  threshold: 5,
  evaluationPeriods: 1,
  treatMissingData: "notBreaching",
  metricQueries: [
    {
      id: "errors",
      metric: {
        namespace: "AWS/ApiGateway",
        metricName: "5xx",
        dimensions: { ApiId: api.nodes.api.id },
        period: 300,
        stat: "Sum",
      },
    },
    {
      id: "requests",
      metric: {
        namespace: "AWS/ApiGateway",
        metricName: "Count",
        dimensions: { ApiId: api.nodes.api.id },
        period: 300,
        stat: "Sum",
      },
    },
    { id: "rate", expression: "IF(requests >= 10, 100 * errors / requests, 0)", label: "5xx %", returnData: true },
  ],
  ...actions,
});
