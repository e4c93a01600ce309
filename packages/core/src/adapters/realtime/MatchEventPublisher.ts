import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { MatchEventPublisherPort } from "../../domain/realtime/ports.js";
import type { OutboundMatchEvent } from "../../domain/realtime/types.js";

/** Options of {@link MatchEventPublisher}. */
export interface MatchEventPublisherOptions {
  /** ARN of the MatchEvents topic (`Resource.MatchEvents.arn`). */
  readonly topicArn: string;
  /** Reuse this client (tests). The endpoint otherwise comes from `AWS_ENDPOINT_URL_SNS` (the local stage sets it). */
  readonly client?: SNSClient;
  readonly region?: string;
  readonly requestTimeoutMs?: number;
}

/**
 * Publishes outbound match events to the MatchEvents topic, one message per transition, with the
 * attributes subscribers filter on. Throttling is retried by the SDK (adaptive retry, bounded timeouts).
 * @example await new MatchEventPublisher({ topicArn }).publish(matchEventFor(change)!);
 */
export class MatchEventPublisher implements MatchEventPublisherPort {
  readonly #client: SNSClient;
  readonly #topicArn: string;

  public constructor(options: MatchEventPublisherOptions) {
    this.#topicArn = options.topicArn;
    this.#client =
      options.client ??
      new SNSClient({
        region: options.region ?? process.env["AWS_REGION"] ?? "us-east-1",
        maxAttempts: 3,
        retryMode: "adaptive",
        requestHandler: {
          requestTimeout: options.requestTimeoutMs ?? 3000,
          connectionTimeout: 1000,
          throwOnRequestTimeout: true,
        },
      });
  }

  /** Publishes one event; returns SNS's MessageId. */
  public async publish(out: OutboundMatchEvent): Promise<string | undefined> {
    const result = await this.#client.send(
      new PublishCommand({
        TopicArn: this.#topicArn,
        Message: JSON.stringify(out.event),
        MessageAttributes: Object.fromEntries(
          Object.entries(out.attributes).map(([name, value]) => [name, { DataType: "String", StringValue: value }]),
        ),
      }),
    );
    return result.MessageId;
  }
}
