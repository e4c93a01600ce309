/**
 * What the local SNS sends, in SNS's own shapes: the JSON bodies and headers of HTTP/HTTPS
 * deliveries (SubscriptionConfirmation, Notification, raw) and the Lambda event (`Records[].Sns`).
 * Signatures are placeholders: nothing local can sign as SNS, so a subscriber that verifies them
 * must skip that against the local stage.
 */
import type { MessageAttributes } from "./filterPolicy.js";

/** The local SNS's own address, for the URLs a message carries (SubscribeURL, UnsubscribeURL, SigningCertURL). */
export interface SnsUrls {
  readonly base: string;
}

/** One message to deliver. */
export interface Envelope {
  readonly messageId: string;
  readonly topicArn: string;
  readonly message: string;
  readonly subject?: string;
  readonly attributes: MessageAttributes;
  /** ISO 8601 publish time. */
  readonly timestamp: string;
}

/** An HTTP request to an endpoint. */
export interface HttpDelivery {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const SIGNATURE = "TE9DQUwtU05TLVVOU0lHTkVE"; // base64 "LOCAL-SNS-UNSIGNED"
const USER_AGENT = "Amazon Simple Notification Service Agent";

const certUrl = (urls: SnsUrls): string => `${urls.base}/local/SimpleNotificationService-local.pem`;

/** `UnsubscribeURL` of a subscription: a GET on the local SNS. */
function unsubscribeUrl(urls: SnsUrls, subscriptionArn: string): string {
  return `${urls.base}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(subscriptionArn)}`;
}

/** `SubscribeURL` of a pending subscription: a GET on the local SNS confirms it. */
function subscribeUrl(urls: SnsUrls, topicArn: string, token: string): string {
  return `${urls.base}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topicArn)}&Token=${token}`;
}

/** Attributes as SNS renders them in JSON bodies and Lambda events: `{ name: { Type, Value } }`. */
function renderAttributes(attributes: MessageAttributes): Record<string, { Type: string; Value: string }> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, a]) => [
      name,
      { Type: a.DataType, Value: a.StringValue ?? a.BinaryValue ?? "" },
    ]),
  );
}

function headers(
  type: string,
  messageId: string,
  topicArn: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    "content-type": "text/plain; charset=UTF-8",
    "user-agent": USER_AGENT,
    "x-amz-sns-message-type": type,
    "x-amz-sns-message-id": messageId,
    "x-amz-sns-topic-arn": topicArn,
    ...extra,
  };
}

/** The SubscriptionConfirmation POSTed to a new HTTP/HTTPS subscription's endpoint. */
export function confirmationDelivery(
  urls: SnsUrls,
  args: { messageId: string; topicArn: string; token: string; timestamp: string },
): HttpDelivery {
  const body = {
    Type: "SubscriptionConfirmation",
    MessageId: args.messageId,
    Token: args.token,
    TopicArn: args.topicArn,
    Message: `You have chosen to subscribe to the topic ${args.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: subscribeUrl(urls, args.topicArn, args.token),
    Timestamp: args.timestamp,
    SignatureVersion: "1",
    Signature: SIGNATURE,
    SigningCertURL: certUrl(urls),
  };
  return { headers: headers("SubscriptionConfirmation", args.messageId, args.topicArn), body: JSON.stringify(body) };
}

/** A Notification to an HTTP/HTTPS subscription: the JSON envelope, or the bare message with raw delivery. */
export function notificationDelivery(
  urls: SnsUrls,
  subscriptionArn: string,
  envelope: Envelope,
  raw: boolean,
): HttpDelivery {
  const extra = { "x-amz-sns-subscription-arn": subscriptionArn, ...(raw ? { "x-amz-sns-rawdelivery": "true" } : {}) };
  const head = headers("Notification", envelope.messageId, envelope.topicArn, extra);
  if (raw) return { headers: head, body: envelope.message };
  const attributes = renderAttributes(envelope.attributes);
  const body = {
    Type: "Notification",
    MessageId: envelope.messageId,
    TopicArn: envelope.topicArn,
    ...(envelope.subject !== undefined ? { Subject: envelope.subject } : {}),
    Message: envelope.message,
    Timestamp: envelope.timestamp,
    SignatureVersion: "1",
    Signature: SIGNATURE,
    SigningCertURL: certUrl(urls),
    UnsubscribeURL: unsubscribeUrl(urls, subscriptionArn),
    ...(Object.keys(attributes).length > 0 ? { MessageAttributes: attributes } : {}),
  };
  return { headers: head, body: JSON.stringify(body) };
}

/** The Lambda event SNS sends a subscribed function (`Records[].Sns`, attributes as `{ Type, Value }`). */
export function lambdaEvent(urls: SnsUrls, subscriptionArn: string, envelope: Envelope): unknown {
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: subscriptionArn,
        Sns: {
          Type: "Notification",
          MessageId: envelope.messageId,
          TopicArn: envelope.topicArn,
          Subject: envelope.subject ?? null,
          Message: envelope.message,
          Timestamp: envelope.timestamp,
          SignatureVersion: "1",
          Signature: SIGNATURE,
          SigningCertUrl: certUrl(urls),
          UnsubscribeUrl: unsubscribeUrl(urls, subscriptionArn),
          MessageAttributes: renderAttributes(envelope.attributes),
        },
      },
    ],
  };
}

/** Thrown when an endpoint answers a delivery with a non-2xx status (or not at all). */
class DeliveryError extends Error {
  constructor(endpoint: string, detail: string, options?: { cause?: unknown }) {
    super(`delivery to ${endpoint} failed: ${detail}`, options);
    this.name = "DeliveryError";
  }
}

/** POSTs one delivery; resolves on a 2xx answer, else throws {@link DeliveryError}. */
export async function post(endpoint: string, delivery: HttpDelivery, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new DeliveryError(endpoint, cause instanceof Error ? cause.message : String(cause), { cause });
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status > 299) throw new DeliveryError(endpoint, `HTTP ${res.status}`);
}
