/**
 * The event consumer: a Lambda subscribed to `Events` that folds GameLift events into the table,
 * its dead-letter handling, and the redrive function that drains the dead-letter queue.
 */
import { invoked, subscribers } from "@matchplace/functions/routes";
import { functionArgs } from "./functions.js";
import { events, eventsDeadLetter } from "./topics.js";
import { eventsTrust } from "./trust.js";

/**
 * The only messages the consumer takes: GameLift's, from this account, matched on the message
 * body. A first line only: the consumer itself vets every field against `EventsTrust`.
 */
export const EVENT_FILTER = {
  source: ["aws.gamelift"],
  "detail-type": ["GameLift Matchmaking Event", "GameLift Queue Placement Event"],
  account: [aws.getCallerIdentityOutput().accountId],
};

/**
 * The subscription. SNS puts a message it cannot deliver to Lambda into the dead-letter queue
 * (redrivePolicy); an event the handler keeps failing on lands there too, after Lambda's two
 * asynchronous retries (on-failure destination).
 */
export const consumer = events.subscribe(
  "Consumer",
  functionArgs(subscribers.events.handler, {
    timeout: "30 seconds",
    retries: 2,
    link: [eventsTrust],
    transform: {
      eventInvokeConfig: (args) => {
        args.destinationConfig = { onFailure: { destination: eventsDeadLetter.arn } };
      },
    },
  }),
  {
    filter: EVENT_FILTER,
    transform: {
      subscription: (args) => {
        // GameLift's event is the message body; without this scope the filter drops every event.
        args.filterPolicyScope = "MessageBody";
        args.redrivePolicy = $jsonStringify({ deadLetterTargetArn: eventsDeadLetter.arn });
      },
    },
  },
);

/** Drains the dead-letter queue back through the consumer's fold. */
export const redrive = new sst.aws.Function(
  "DeadLetterRedrive",
  functionArgs(invoked.redrive.handler, { timeout: "5 minutes", link: [eventsDeadLetter, eventsTrust] }),
);
