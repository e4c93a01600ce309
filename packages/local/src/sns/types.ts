/** Types of the local SNS's public API. */
import type { Logger } from "@aws-lambda-powertools/logger";
import type { DeliveryFaults } from "./faults.js";
import type { MessageAttributes } from "./filterPolicy.js";

/** Options for `LocalSns`. */
export interface LocalSnsOptions {
  readonly region: string;
  readonly accountId: string;
  readonly logger: Logger;
  /** Delays between delivery retries; SNS retries a failed Lambda or HTTP delivery with backoff. */
  readonly retryDelaysMs?: readonly number[];
  /**
   * How a retry waits out its delay (default: a real timer). Tests pass one that advances a
   * ManualClock, so backoff is asserted on virtual time instead of being slept.
   */
  readonly wait?: (ms: number) => Promise<void>;
  readonly faults?: DeliveryFaults;
  readonly random?: () => number;
  /** How long an HTTP/HTTPS endpoint may take to answer one delivery (SNS: 15 s). */
  readonly httpTimeoutMs?: number;
  /** The SNS server's own URL (SubscribeURL, UnsubscribeURL); `startSnsServer` sets it when omitted. */
  readonly url?: string;
  /** Told of every delivery outcome (the dashboard observes with it); must not throw. */
  readonly observe?: (event: DeliveryEvent) => void;
}

/** One outcome of a message's delivery to one subscription: delivered, failed and retried later, or dead-lettered. */
export interface DeliveryEvent {
  readonly outcome: "delivered" | "retrying" | "deadLettered";
  readonly messageId: string;
  readonly topicArn: string;
  readonly subscriptionArn: string;
  /** The Lambda handler string or the HTTP endpoint. */
  readonly endpoint: string;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly error?: string;
}

/** A message that exhausted its retries: what the subscription's dead-letter queue holds. */
export interface DeadLetter {
  readonly id: string;
  readonly topicArn: string;
  readonly subscriptionArn: string;
  readonly message: string;
  readonly messageId: string;
  readonly messageAttributes?: MessageAttributes;
  readonly error: string;
  readonly failedAt: string;
}

/** What `LocalSns.publish` takes besides the message. */
export interface PublishOptions {
  readonly subject?: string;
  readonly messageAttributes?: MessageAttributes;
}

/** Delivery protocols of the local SNS: in-process Lambda handlers and HTTP/HTTPS endpoints. */
export type SubscriptionProtocol = "lambda" | "http" | "https";

/** A subscription as ListSubscriptions shows it. */
export interface SubscriptionInfo {
  readonly arn: string;
  readonly topicArn: string;
  readonly protocol: SubscriptionProtocol;
  readonly endpoint: string;
  readonly pendingConfirmation: boolean;
}
