import { randomBytes, randomUUID } from "node:crypto";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { LambdaHandler } from "../handlers.js";
import { lambdaContext } from "../api/events.js";
import { NotificationSender, planNotification } from "@matchplace/gamelift-local";
import { noFaults, type DeliveryFaults } from "./faults.js";
import {
  confirmationDelivery,
  lambdaEvent,
  notificationDelivery,
  post,
  type Envelope,
  type SnsUrls,
} from "./envelopes.js";
import { matchesFilterPolicy } from "./filterPolicy.js";
import { SnsError } from "./errors.js";
import {
  applyAttribute,
  defaultAttributes,
  renderSubscriptionAttributes,
  type SubscriptionSettings,
} from "./subscriptionAttributes.js";
import type { DeadLetter, LocalSnsOptions, PublishOptions, SubscriptionInfo, SubscriptionProtocol } from "./types.js";

export type {
  DeadLetter,
  DeliveryEvent,
  LocalSnsOptions,
  PublishOptions,
  SubscriptionInfo,
  SubscriptionProtocol,
} from "./types.js";

interface Subscription extends SubscriptionInfo {
  readonly handler?: LambdaHandler;
  readonly token?: string;
  pendingConfirmation: boolean;
  settings: SubscriptionSettings;
}

/**
 * The local stage's SNS: topics; subscriptions of Lambda handlers (delivered as SNS's Lambda event,
 * `Records[].Sns`) and of HTTP/HTTPS endpoints (SubscriptionConfirmation handshake, then
 * Notification or raw POSTs); message attributes and filter policies; retries with backoff, a
 * dead-letter queue per subscription, and fault knobs on every delivery.
 */
export class LocalSns {
  readonly #topics = new Map<string, Subscription[]>();
  readonly #deadLetters: DeadLetter[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #options: LocalSnsOptions;
  readonly #log: Logger;
  readonly #sender = new NotificationSender();
  #urls: SnsUrls;
  #faults: DeliveryFaults;
  #closed = false;

  public constructor(options: LocalSnsOptions) {
    this.#options = options;
    this.#faults = options.faults ?? noFaults;
    this.#urls = { base: options.url ?? "http://127.0.0.1" };
    this.#log = options.logger.createChild({ persistentLogAttributes: { component: "sns" } });
  }

  /** Sets the address messages point back to (SubscribeURL, UnsubscribeURL); the SNS server calls it. */
  public setUrl(url: string): void {
    this.#urls = { base: url.replace(/\/$/, "") };
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

  /** Subscribes a Lambda handler (by its handler string, for logs) to a topic; confirmed at once, as SNS does. */
  public subscribe(
    topicArn: string,
    handlerName: string,
    handler: LambdaHandler,
    attributes: Readonly<Record<string, string>> = {},
  ): string {
    const sub: Subscription = {
      ...this.#newSubscription(topicArn, "lambda", handlerName, attributes),
      handler,
      pendingConfirmation: false,
    };
    this.#subs(topicArn).push(sub);
    return sub.arn;
  }

  /**
   * Subscribes an HTTP/HTTPS endpoint. The subscription stays pending, receiving nothing, until the
   * endpoint confirms it (GET its SubscribeURL, or ConfirmSubscription with the token) from the
   * SubscriptionConfirmation POSTed to it now. Subscribing the same endpoint again returns the
   * existing subscription (and sends a pending one's confirmation again).
   */
  public subscribeEndpoint(
    topicArn: string,
    protocol: "http" | "https",
    endpoint: string,
    attributes: Readonly<Record<string, string>> = {},
  ): SubscriptionInfo {
    const subs = this.#subs(topicArn);
    if (!/^https?:\/\/[^/]/.test(endpoint) || !endpoint.startsWith(`${protocol}://`)) {
      throw new SnsError(
        "InvalidParameter",
        `Invalid parameter: Endpoint must match the specified protocol (${protocol})`,
      );
    }
    let sub = subs.find((s) => s.protocol === protocol && s.endpoint === endpoint);
    if (!sub) {
      sub = {
        ...this.#newSubscription(topicArn, protocol, endpoint, attributes),
        token: randomBytes(64).toString("hex"),
        pendingConfirmation: true,
      };
      subs.push(sub);
    }
    if (sub.pendingConfirmation) this.#sendConfirmation(sub);
    return info(sub);
  }

  /** Confirms a pending HTTP/HTTPS subscription by the token of its confirmation message; returns its ARN. */
  public confirmSubscription(topicArn: string, token: string): string {
    const sub = this.#subs(topicArn).find((s) => s.token !== undefined && s.token === token);
    if (!sub) throw new SnsError("InvalidParameter", "Invalid token");
    sub.pendingConfirmation = false;
    return sub.arn;
  }

  /** Deletes a subscription; throws NotFound when there is none with this ARN. */
  public unsubscribe(subscriptionArn: string): void {
    for (const subs of this.#topics.values()) {
      const i = subs.findIndex((s) => s.arn === subscriptionArn);
      if (i >= 0) {
        subs.splice(i, 1);
        return;
      }
    }
    throw new SnsError("NotFound", "Subscription does not exist", 404);
  }

  /** Subscriptions of a topic (every topic's when omitted), pending ones included. */
  public subscriptions(topicArn?: string): SubscriptionInfo[] {
    const lists = topicArn === undefined ? [...this.#topics.values()] : [this.#topics.get(topicArn) ?? []];
    return lists.flat().map(info);
  }

  /** GetSubscriptionAttributes: every attribute SNS reports, as strings. */
  public subscriptionAttributes(subscriptionArn: string): Record<string, string> {
    const sub = this.#find(subscriptionArn);
    return renderSubscriptionAttributes(sub, sub.settings, this.#options.accountId);
  }

  /** SetSubscriptionAttributes: FilterPolicy, FilterPolicyScope, RawMessageDelivery (plus DeliveryPolicy, RedrivePolicy, stored only). */
  public setSubscriptionAttribute(subscriptionArn: string, name: string, value: string): void {
    const sub = this.#find(subscriptionArn);
    if (name === "RawMessageDelivery" && sub.protocol === "lambda" && value === "true") {
      throw new SnsError(
        "InvalidParameter",
        "Invalid parameter: Delivery protocol [lambda] does not support raw message delivery.",
      );
    }
    sub.settings = applyAttribute(sub.settings, name, value);
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
   * Each confirmed subscription whose filter policy admits the message gets it; faults apply to
   * every delivery, so messages injected through the SNS API and the emulator's own are treated alike.
   */
  public publish(topicArn: string, message: string, options: PublishOptions = {}): string {
    const subs = this.#topics.get(topicArn);
    if (!subs) throw new SnsError("NotFound", "Topic does not exist", 404);
    const envelope: Envelope = {
      messageId: randomUUID(),
      topicArn,
      message,
      ...(options.subject !== undefined ? { subject: options.subject } : {}),
      attributes: options.messageAttributes ?? {},
      timestamp: new Date().toISOString(),
    };
    const random = this.#options.random ?? Math.random;
    const faults = this.#faults;
    for (const sub of subs) {
      if (sub.pendingConfirmation) continue;
      const { filterPolicy, filterPolicyScope } = sub.settings;
      if (!matchesFilterPolicy(filterPolicy, filterPolicyScope, { attributes: envelope.attributes, body: message }))
        continue;
      for (const copy of planNotification(faults, random)) {
        this.#sender.send(sub.arn, copy, () => this.#track(this.#deliver(sub, envelope)), faults.maxDelayMs);
      }
    }
    return envelope.messageId;
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

  #subs(topicArn: string): Subscription[] {
    const subs = this.#topics.get(topicArn);
    if (!subs) throw new SnsError("NotFound", "Topic does not exist", 404);
    return subs;
  }

  #find(subscriptionArn: string): Subscription {
    const sub = [...this.#topics.values()].flat().find((s) => s.arn === subscriptionArn);
    if (!sub) throw new SnsError("NotFound", "Subscription does not exist", 404);
    return sub;
  }

  #newSubscription(
    topicArn: string,
    protocol: SubscriptionProtocol,
    endpoint: string,
    attributes: Readonly<Record<string, string>>,
  ) {
    let settings = defaultAttributes();
    // The scope first: a policy is checked against the scope it will be matched in.
    const entries = Object.entries(attributes).sort(
      ([a], [b]) => Number(b === "FilterPolicyScope") - Number(a === "FilterPolicyScope"),
    );
    for (const [name, value] of entries) settings = applyAttribute(settings, name, value);
    return { arn: `${topicArn}:${randomUUID()}`, topicArn, protocol, endpoint, settings };
  }

  #track(p: Promise<void>): void {
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p));
  }

  /** Confirmations go out at once (no faults): a lost one would only make the endpoint subscribe again. */
  #sendConfirmation(sub: Subscription): void {
    const delivery = confirmationDelivery(this.#urls, {
      messageId: randomUUID(),
      topicArn: sub.topicArn,
      token: sub.token ?? "",
      timestamp: new Date().toISOString(),
    });
    this.#track(
      this.#withRetries(sub, "SubscriptionConfirmation", () =>
        post(sub.endpoint, delivery, this.#options.httpTimeoutMs ?? 15_000),
      ).then((error) => {
        if (error)
          this.#log.error("subscription confirmation not delivered", {
            subscription: sub.arn,
            endpoint: sub.endpoint,
            error,
          });
      }),
    );
  }

  async #deliver(sub: Subscription, envelope: Envelope): Promise<void> {
    const handler = sub.handler;
    const attempt =
      sub.protocol === "lambda"
        ? async () => {
            if (!handler) throw new Error(`no handler is registered for ${sub.endpoint}`);
            const context = lambdaContext(sub.endpoint.replace(/\W+/g, "-"), randomUUID(), 30_000, Date.now());
            await handler(lambdaEvent(this.#urls, sub.arn, envelope), context);
          }
        : () =>
            post(
              sub.endpoint,
              notificationDelivery(this.#urls, sub.arn, envelope, sub.settings.rawMessageDelivery),
              this.#options.httpTimeoutMs ?? 15_000,
            );
    let tries = 0;
    const error = await this.#withRetries(sub, envelope.messageId, () => {
      tries += 1;
      return attempt();
    });
    const seen = {
      messageId: envelope.messageId,
      topicArn: sub.topicArn,
      subscriptionArn: sub.arn,
      endpoint: sub.endpoint,
      attempt: tries,
    };
    this.#options.observe?.({
      ...seen,
      outcome: error === undefined ? "delivered" : "deadLettered",
      ...(error === undefined ? {} : { error }),
    });
    if (error === undefined) return;
    this.#deadLetters.push({
      id: randomUUID(),
      topicArn: envelope.topicArn,
      subscriptionArn: sub.arn,
      message: envelope.message,
      messageId: envelope.messageId,
      ...(Object.keys(envelope.attributes).length > 0 ? { messageAttributes: envelope.attributes } : {}),
      error,
      failedAt: new Date().toISOString(),
    });
    this.#log.error("message dead-lettered", { messageId: envelope.messageId, subscription: sub.arn, error });
  }

  /** Runs `attempt` with the retry policy; resolves to the last error, or undefined once it succeeded. */
  async #withRetries(sub: Subscription, what: string, attempt: () => Promise<void>): Promise<string | undefined> {
    const delays = this.#options.retryDelaysMs ?? [1000, 2000, 4000];
    let lastError = "";
    for (let i = 0; i <= delays.length; i++) {
      if (this.#closed && i > 0) break;
      try {
        await attempt();
        return undefined;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        this.#log.warn("delivery failed", { messageId: what, subscription: sub.arn, attempt: i + 1, error: lastError });
        const wait = delays[i];
        const seen = {
          messageId: what,
          topicArn: sub.topicArn,
          subscriptionArn: sub.arn,
          endpoint: sub.endpoint,
          attempt: i + 1,
          error: lastError,
        };
        if (wait !== undefined) this.#options.observe?.({ ...seen, outcome: "retrying" });
        if (wait !== undefined && !this.#closed) await (this.#options.wait ?? sleep)(wait);
      }
    }
    return lastError;
  }
}

function info(sub: Subscription): SubscriptionInfo {
  return {
    arn: sub.arn,
    topicArn: sub.topicArn,
    protocol: sub.protocol,
    endpoint: sub.endpoint,
    pendingConfirmation: sub.pendingConfirmation,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}
