/** Reference bundle of the bare SNS client (one Publish): the allowance of handlers that publish MatchEvents. */
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";

const client = new SNSClient({});

export const handler = (event: { topicArn: string; message: string }) =>
  client.send(new PublishCommand({ TopicArn: event.topicArn, Message: event.message }));
