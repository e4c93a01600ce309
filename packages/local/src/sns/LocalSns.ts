import { randomUUID } from "node:crypto";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { LambdaHandler } from "../handlers.js";
import { lambdaContext } from "../api/events.js";
import { NotificationSender, planNotification } from "@matchplace/gamelift-local";
import { noFaults, type DeliveryFaults } from "./faults.js";

/** Options for {@link LocalSns}. */
export interface LocalSnsOptions {
  readonly region: string;
  readonly accountId: string;
  readonly logger: Logger;
  /** Delays between delivery retries; SNS retries a failed Lambda delivery with backoff. */
  readonly retryDelaysMs?: readonly number[];
  readonly faults?: DeliveryFaults;
  readonly random?: () => number;
}

/** A message that exhausted its retries: what the subscription's dead-letter queue holds. */
export interface DeadLetter {
  readonly id: string;
  readonly topicArn: string;
  readonly subscriptionArn: string;
  readonly message: string;
  readonly messageId: string;
  readonly error: string;
  readonly failedAt: string;
}

interface Subscription {
  readonly arn: string;
  readonly handlerName: string;
  readonly handler: LambdaHandler;
}

/**
 * The local stage's SNS: topics, Lambda subscriptions, delivery as a real SNS Lambda event
 * (`Records[].Sns`), retries with backoff, a dead-letter queue per subscription, fault knobs.
 */
export class LocalSns {
  readonly #topics = new Map<string, Subscription[]>();
  readonly #deadLetters: DeadLetter[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #options: LocalSnsOptions;
  readonly #log: Logger;
  readonly #sender = new NotificationSender();
  #faults: DeliveryFaults;
  #closed = false;

  public constructor(options: LocalSnsOptions) {
    this.#options = options;
    this.#faults = options.faults ?? noFaults;
    this.#log = options.logger.createChild({ persistentLogAttributes: { component: "sns" } });
  }

  /** Creates (or returns) a standard topic. */
  public createTopic(name: string): string {
    const arn = `arn:aws:sns:${this.#options.region}:${this.#options.accountId}:${name}`;
    if (!this.#topics.has(arn)) this.#topics.set(arn, []);
    return arn;
  }

  public topicArns(): string[] {
    return [...this.#topics.keys()];
  }

  public hasTopic(arn: string): boolean {
    return this.#topics.has(arn);
  }

  /** Subscribes a Lambda handler (by its handler string, for logs) to a topic. */
  public subscribe(topicArn: string, handlerName: string, handler: LambdaHandler): string {
    const subs = this.#topics.get(topicArn);
    if (!subs) throw new Error(`no topic ${topicArn}`);
    const arn = `${topicArn}:${randomUUID()}`;
    subs.push({ arn, handlerName, handler });
    return arn;
  }

  public subscriptions(topicArn: string): { arn: string; endpoint: string }[] {
    return (this.#topics.get(topicArn) ?? []).map((s) => ({ arn: s.arn, endpoint: s.handlerName }));
  }

  /** The fault knobs now in force; settable at run time. */
  public get faults(): DeliveryFaults {
    return this.#faults;
  }

  public setFaults(faults: DeliveryFaults): void {
    this.#faults = faults;
  }

  /**
   * Publishes a message. Delivery is asynchronous, as in SNS: this returns the MessageId at once.
   * Faults apply here, so messages injected through the SNS API and the emulator's own are treated alike.
   */
  public publish(topicArn: string, message: string, subject?: string): string {
    const subs = this.#topics.get(topicArn);
    if (!subs) throw new Error(`no topic ${topicArn}`);
    const messageId = randomUUID();
    const random = this.#options.random ?? Math.random;
    const faults = this.#faults;
    for (const sub of subs) {
      for (const copy of planNotification(faults, random)) {
        this.#sender.send(sub.arn, copy, () => this.#track(this.#deliver(sub, topicArn, messageId, message, subject)), faults.maxDelayMs);
      }
    }
    return messageId;
  }

  /** Messages that failed every retry. */
  public deadLetters(): readonly DeadLetter[] {
    return [...this.#deadLetters];
  }

  /** Removes dead letters (after a redrive) by id; returns how many were removed. */
  public removeDeadLetters(ids: readonly string[]): number {
    let removed = 0;
    for (const id of ids) {
      const i = this.#deadLetters.findIndex((d) => d.id === id);
      if (i >= 0) {
        this.#deadLetters.splice(i, 1);
        removed++;
      }
    }
    return removed;
  }

  /** Resolves once every delivery started so far has finished (delivered or dead-lettered). */
  public async drain(): Promise<void> {
    for (;;) {
      this.#sender.flush();
      if (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
      else if (this.#sender.pending > 0) await sleep(10);
      else return;
    }
  }

  public async close(): Promise<void> {
    this.#closed = true;
    await this.drain();
  }

  #track(p: Promise<void>): void {
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p));
  }

  async #deliver(sub: Subscription, topicArn: string, messageId: string, message: string, subject: string | undefined): Promise<void> {
    const delays = this.#options.retryDelaysMs ?? [1000, 2000, 4000];
    let lastError = "";
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (this.#closed && attempt > 0) break;
      const requestId = randomUUID();
      try {
        const event = snsLambdaEvent(sub.arn, topicArn, messageId, message, subject);
        await sub.handler(event, lambdaContext(sub.handlerName.replace(/\W+/g, "-"), requestId, 30_000, Date.now()));
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        this.#log.warn("delivery failed", { messageId, subscription: sub.arn, attempt: attempt + 1, error: lastError });
        const wait = delays[attempt];
        if (wait !== undefined && !this.#closed) await sleep(wait);
      }
    }
    this.#deadLetters.push({ id: randomUUID(), topicArn, subscriptionArn: sub.arn, message, messageId, error: lastError, failedAt: new Date().toISOString() });
    this.#log.error("message dead-lettered", { messageId, subscription: sub.arn, error: lastError });
  }
}

/** The Lambda event SNS sends a subscribed function. */
export function snsLambdaEvent(subscriptionArn: string, topicArn: string, messageId: string, message: string, subject?: string): unknown {
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: subscriptionArn,
        Sns: {
          Type: "Notification",
          MessageId: messageId,
          TopicArn: topicArn,
          Subject: subject ?? null,
          Message: message,
          Timestamp: new Date().toISOString(),
          SignatureVersion: "1",
          Signature: "LOCAL",
          SigningCertUrl: "http://127.0.0.1/local-sns.pem",
          UnsubscribeUrl: `http://127.0.0.1/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(subscriptionArn)}`,
          MessageAttributes: {},
        },
      },
    ],
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}
