/**
 * HTTP/HTTPS subscriptions of the local SNS against a real little endpoint (node:http on
 * 127.0.0.1:0), driven by the real clients: `@aws-sdk/client-sns` (awsQuery protocol) and the AWS
 * CLI. Every wait is on an event (a request reaching the endpoint, `sns.drain()`) and retry backoff
 * advances a ManualClock: nothing here sleeps.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from "@aws-sdk/client-sns";
import { afterEach, describe, expect, it } from "vitest";
import type { ManualClock } from "@matchplace/gamelift-local";
import type { LocalSns } from "../../src/sns/LocalSns.js";
import { startSnsServer, type SnsServer } from "../../src/sns/snsServer.js";
import { noFaults } from "../../src/sns/faults.js";
import { localSnsOnClock } from "./support.js";

const run = promisify(execFile);

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A subscriber endpoint that records every POST and answers with `status()`. */
class Endpoint {
  public readonly received: Received[] = [];
  public status: () => number = () => 200;
  readonly #server: Server;
  #waiters: (() => void)[] = [];

  public constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(this.status()).end();
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
  }

  public async start(): Promise<string> {
    await new Promise<void>((r) => this.#server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hook`;
  }

  /** Requests of one `x-amz-sns-message-type`. */
  public ofType(type: string): Received[] {
    return this.received.filter((r) => r.headers["x-amz-sns-message-type"] === type);
  }

  /** Resolves once `count` requests of `type` have arrived. */
  public async waitFor(type: string, count = 1): Promise<Received[]> {
    while (this.ofType(type).length < count) await new Promise<void>((r) => this.#waiters.push(r));
    return this.ofType(type);
  }

  public close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((r) => this.#server.close(() => r()));
  }
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Setup {
  readonly sns: LocalSns;
  /** Retry backoff runs on this clock: a retry's wait advances it instead of sleeping. */
  readonly clock: ManualClock;
  readonly server: SnsServer;
  readonly endpoint: Endpoint;
  readonly url: string;
  readonly topicArn: string;
  readonly client: SNSClient;
}

async function setup(options: Partial<ConstructorParameters<typeof LocalSns>[0]> = {}): Promise<Setup> {
  const { sns, clock } = localSnsOnClock(options);
  const topicArn = sns.createTopic("match-events");
  const server = await startSnsServer(sns, 0);
  const endpoint = new Endpoint();
  const url = await endpoint.start();
  const client = new SNSClient({
    endpoint: server.url,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  closers.push(
    () => endpoint.close(),
    () => sns.close(),
    () => server.close(),
    async () => client.destroy(),
  );
  return { sns, clock, server, endpoint, url, topicArn, client };
}

/** Subscribes the endpoint with the SDK and confirms by fetching the SubscribeURL; returns the ARN. */
async function subscribeConfirmed(s: Setup, attributes?: Record<string, string>): Promise<string> {
  await s.client.send(
    new SubscribeCommand({
      TopicArn: s.topicArn,
      Protocol: "http",
      Endpoint: s.url,
      ...(attributes ? { Attributes: attributes } : {}),
    }),
  );
  const [confirmation] = await s.endpoint.waitFor("SubscriptionConfirmation");
  const confirmed = await fetch((JSON.parse(confirmation!.body) as { SubscribeURL: string }).SubscribeURL);
  return /<SubscriptionArn>([^<]+)<\/SubscriptionArn>/.exec(await confirmed.text())![1]!;
}

const notifications = (s: Setup) =>
  s.endpoint.ofType("Notification").map((r) => JSON.parse(r.body) as Record<string, unknown>);
const attr = (value: string) => ({ DataType: "String", StringValue: value });

describe("local SNS HTTP subscriptions", () => {
  it("sends a SubscriptionConfirmation, delivers nothing before confirmation, and delivers once the SubscribeURL is fetched", async () => {
    const s = await setup();
    const subscribed = await s.client.send(
      new SubscribeCommand({ TopicArn: s.topicArn, Protocol: "http", Endpoint: s.url }),
    );
    expect(subscribed.SubscriptionArn).toBe("pending confirmation");

    const [confirmation] = await s.endpoint.waitFor("SubscriptionConfirmation");
    expect(confirmation!.headers).toMatchObject({
      "content-type": "text/plain; charset=UTF-8",
      "x-amz-sns-topic-arn": s.topicArn,
    });
    expect(confirmation!.headers["x-amz-sns-message-id"]).toEqual(expect.any(String));
    const body = JSON.parse(confirmation!.body) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(
      [
        "Message",
        "MessageId",
        "Signature",
        "SignatureVersion",
        "SigningCertURL",
        "SubscribeURL",
        "Timestamp",
        "Token",
        "TopicArn",
        "Type",
      ].sort(),
    );
    expect(body).toMatchObject({ Type: "SubscriptionConfirmation", TopicArn: s.topicArn, SignatureVersion: "1" });
    expect(body.SubscribeURL).toBe(
      `${s.server.url}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(s.topicArn)}&Token=${body.Token}`,
    );

    const pending = await s.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: s.topicArn }));
    expect(pending.Subscriptions).toEqual([
      {
        SubscriptionArn: "PendingConfirmation",
        Owner: "123456789012",
        Protocol: "http",
        Endpoint: s.url,
        TopicArn: s.topicArn,
      },
    ]);
    await s.client.send(new PublishCommand({ TopicArn: s.topicArn, Message: "too early" }));
    await s.sns.drain();
    expect(s.endpoint.ofType("Notification")).toEqual([]);

    const confirmed = await fetch(body.SubscribeURL!);
    expect(confirmed.status).toBe(200);
    const arn = /<SubscriptionArn>([^<]+)<\/SubscriptionArn>/.exec(await confirmed.text())![1]!;
    expect(arn.startsWith(`${s.topicArn}:`)).toBe(true);
    const listed = await s.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: s.topicArn }));
    expect(listed.Subscriptions?.map((x) => x.SubscriptionArn)).toEqual([arn]);
    const all = await s.client.send(new ListSubscriptionsCommand({}));
    expect(all.Subscriptions?.map((x) => [x.SubscriptionArn, x.Protocol, x.Endpoint])).toEqual([[arn, "http", s.url]]);

    const { MessageId } = await s.client.send(
      new PublishCommand({ TopicArn: s.topicArn, Message: "on time", Subject: "hello" }),
    );
    const [notification] = await s.endpoint.waitFor("Notification");
    expect(notification!.headers).toMatchObject({
      "x-amz-sns-subscription-arn": arn,
      "x-amz-sns-message-id": MessageId,
      "x-amz-sns-topic-arn": s.topicArn,
    });
    expect(JSON.parse(notification!.body)).toMatchObject({
      Type: "Notification",
      MessageId,
      TopicArn: s.topicArn,
      Subject: "hello",
      Message: "on time",
      SignatureVersion: "1",
    });
    expect(notifications(s)).toHaveLength(1);
  });

  it("carries message attributes published with the SDK to the endpoint, and applies the subscription's filter policy", async () => {
    const s = await setup();
    const arn = await subscribeConfirmed(s, { FilterPolicy: JSON.stringify({ type: ["TicketCompleted"] }) });
    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: '{"n":1}',
        MessageAttributes: { type: attr("TicketFailed") },
      }),
    );
    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: '{"n":2}',
        MessageAttributes: {
          type: attr("TicketCompleted"),
          configurationName: attr("arena"),
          players: { DataType: "Number", StringValue: "4" },
        },
      }),
    );
    await s.sns.drain();
    expect(notifications(s).map((n) => [n.Message, n.MessageAttributes])).toEqual([
      [
        '{"n":2}',
        {
          type: { Type: "String", Value: "TicketCompleted" },
          configurationName: { Type: "String", Value: "arena" },
          players: { Type: "Number", Value: "4" },
        },
      ],
    ]);
    expect(notifications(s)[0]!.UnsubscribeURL).toBe(
      `${s.server.url}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(arn)}`,
    );

    const got = await s.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }));
    expect(got.Attributes).toMatchObject({
      FilterPolicy: '{"type":["TicketCompleted"]}',
      FilterPolicyScope: "MessageAttributes",
      Protocol: "http",
      Endpoint: s.url,
      PendingConfirmation: "false",
      RawMessageDelivery: "false",
    });

    await s.client.send(
      new SetSubscriptionAttributesCommand({
        SubscriptionArn: arn,
        AttributeName: "FilterPolicy",
        AttributeValue: '{"type":[{"prefix":"Placement"}]}',
      }),
    );
    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: '{"n":3}',
        MessageAttributes: { type: attr("TicketCompleted") },
      }),
    );
    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: '{"n":4}',
        MessageAttributes: { type: attr("PlacementFulfilled") },
      }),
    );
    await s.sns.drain();
    expect(notifications(s).map((n) => n.Message)).toEqual(['{"n":2}', '{"n":4}']);
  });

  it("filters on the message body with FilterPolicyScope MessageBody", async () => {
    const s = await setup();
    await subscribeConfirmed(s, {
      FilterPolicy: '{"detail":{"type":["MatchmakingSucceeded"]}}',
      FilterPolicyScope: "MessageBody",
    });
    for (const type of ["MatchmakingSearching", "MatchmakingSucceeded"]) {
      await s.client.send(new PublishCommand({ TopicArn: s.topicArn, Message: JSON.stringify({ detail: { type } }) }));
    }
    await s.sns.drain();
    expect(notifications(s).map((n) => JSON.parse(n.Message as string).detail.type)).toEqual(["MatchmakingSucceeded"]);
  });

  it("answers Subscribe with the ARN when ReturnSubscriptionArn is set, and subscribes an endpoint once", async () => {
    const s = await setup();
    const first = await s.client.send(
      new SubscribeCommand({ TopicArn: s.topicArn, Protocol: "http", Endpoint: s.url, ReturnSubscriptionArn: true }),
    );
    expect(first.SubscriptionArn?.startsWith(`${s.topicArn}:`)).toBe(true);
    const again = await s.client.send(
      new SubscribeCommand({ TopicArn: s.topicArn, Protocol: "http", Endpoint: s.url, ReturnSubscriptionArn: true }),
    );
    expect(again.SubscriptionArn).toBe(first.SubscriptionArn);
    // A pending subscription gets its confirmation again.
    await s.endpoint.waitFor("SubscriptionConfirmation", 2);
    expect(
      (await s.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: s.topicArn }))).Subscriptions,
    ).toHaveLength(1);
  });

  it("POSTs the bare message with RawMessageDelivery", async () => {
    const s = await setup();
    const arn = await subscribeConfirmed(s);
    await s.client.send(
      new SetSubscriptionAttributesCommand({
        SubscriptionArn: arn,
        AttributeName: "RawMessageDelivery",
        AttributeValue: "true",
      }),
    );
    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: '{"raw":true}',
        MessageAttributes: { type: attr("TicketCompleted") },
      }),
    );
    const [raw] = await s.endpoint.waitFor("Notification");
    expect(raw!.body).toBe('{"raw":true}');
    expect(raw!.headers).toMatchObject({ "x-amz-sns-rawdelivery": "true", "x-amz-sns-subscription-arn": arn });
  });

  it("stops delivering after Unsubscribe, by the SDK or the UnsubscribeURL", async () => {
    const s = await setup();
    const arn = await subscribeConfirmed(s);
    await s.client.send(new PublishCommand({ TopicArn: s.topicArn, Message: "one" }));
    const [first] = await s.endpoint.waitFor("Notification");
    const unsubscribe = await fetch((JSON.parse(first!.body) as { UnsubscribeURL: string }).UnsubscribeURL);
    expect(unsubscribe.status).toBe(200);
    await s.client.send(new PublishCommand({ TopicArn: s.topicArn, Message: "two" }));
    await s.sns.drain();
    expect(notifications(s).map((n) => n.Message)).toEqual(["one"]);
    expect((await s.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: s.topicArn }))).Subscriptions).toEqual(
      [],
    );
    await expect(s.client.send(new UnsubscribeCommand({ SubscriptionArn: arn }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });

  it("retries a delivery the endpoint refuses, and dead-letters it after the last retry", async () => {
    const s = await setup();
    await subscribeConfirmed(s);
    const start = s.clock.now();
    const statuses = [500, 200];
    s.endpoint.status = () => statuses.shift() ?? 503;
    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: "retried",
        MessageAttributes: { type: attr("TicketCompleted") },
      }),
    );
    await s.sns.drain();
    expect(notifications(s).map((n) => n.Message)).toEqual(["retried", "retried"]);
    expect(s.sns.deadLetters()).toEqual([]);
    expect(s.clock.now() - start).toBe(1_000); // one retry, after the first backoff step

    await s.client.send(
      new PublishCommand({
        TopicArn: s.topicArn,
        Message: "lost",
        MessageAttributes: { type: attr("TicketCompleted") },
      }),
    );
    await s.sns.drain();
    expect(notifications(s).filter((n) => n.Message === "lost")).toHaveLength(3); // first try + two retries
    expect(s.clock.now() - start).toBe(1_000 + 1_000 + 2_000); // then the whole backoff before dead-lettering
    expect(s.sns.deadLetters()).toEqual([
      expect.objectContaining({
        message: "lost",
        messageAttributes: { type: attr("TicketCompleted") },
        error: expect.stringContaining("HTTP 503"),
      }),
    ]);
  });

  it("dead-letters a delivery to an endpoint that no longer answers", async () => {
    const s = await setup();
    await subscribeConfirmed(s);
    await s.endpoint.close();
    await s.client.send(new PublishCommand({ TopicArn: s.topicArn, Message: "nobody home" }));
    await s.sns.drain();
    expect(s.sns.deadLetters()).toEqual([
      expect.objectContaining({
        message: "nobody home",
        error: expect.stringContaining(`delivery to ${s.url} failed`),
      }),
    ]);
  });

  it("applies the fault knobs to HTTP deliveries too", async () => {
    const s = await setup({ faults: { ...noFaults, duplicate: 1 } });
    await subscribeConfirmed(s);
    await s.client.send(new PublishCommand({ TopicArn: s.topicArn, Message: "twice" }));
    await s.sns.drain();
    const [a, b] = notifications(s);
    expect([a?.Message, b?.Message]).toEqual(["twice", "twice"]);
    expect(a?.MessageId).toBe(b?.MessageId);
  });

  it("hands Lambda subscribers the attributes in Records[].Sns.MessageAttributes and filters them too", async () => {
    const s = await setup();
    const got: { Sns: { Message: string; MessageAttributes: unknown } }[] = [];
    s.sns.subscribe(s.topicArn, "workflow", async (e) => void got.push(...(e as { Records: typeof got }).Records), {
      FilterPolicy: '{"type":[{"anything-but":"TicketFailed"}]}',
    });
    s.sns.publish(s.topicArn, "skip", { messageAttributes: { type: attr("TicketFailed") } });
    s.sns.publish(s.topicArn, "take", { messageAttributes: { type: attr("TicketCompleted") } });
    await s.sns.drain();
    expect(got.map((r) => [r.Sns.Message, r.Sns.MessageAttributes])).toEqual([
      ["take", { type: { Type: "String", Value: "TicketCompleted" } }],
    ]);
  });

  it("refuses what SNS refuses: a bad token, a bad filter policy, an endpoint of another protocol, a bad attribute type", async () => {
    const s = await setup();
    const base = { TopicArn: s.topicArn, Protocol: "http", Endpoint: s.url };
    await expect(
      s.client.send(new SubscribeCommand({ ...base, Attributes: { FilterPolicy: '{"type":"x"}' } })),
    ).rejects.toMatchObject({ name: "InvalidParameterException" });
    await expect(
      s.client.send(new SubscribeCommand({ ...base, Endpoint: "https://example.com/x" })),
    ).rejects.toMatchObject({ name: "InvalidParameterException" });
    const bad = await fetch(
      `${s.server.url}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(s.topicArn)}&Token=nope`,
    );
    expect(bad.status).toBe(400);
    await expect(
      s.client.send(
        new PublishCommand({
          TopicArn: s.topicArn,
          Message: "m",
          MessageAttributes: { n: { DataType: "Number", StringValue: "abc" } },
        }),
      ),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  it("works with the unchanged AWS CLI: subscribe with a filter policy, list, publish with attributes", async (ctx) => {
    const aws = ["/usr/local/bin/aws", "/usr/bin/aws", `${process.env.HOME ?? ""}/.pyenv/shims/aws`].find(existsSync);
    if (!aws) {
      process.stderr.write("NOTICE: the AWS CLI is not installed; skipping the `aws sns subscribe` case\n");
      ctx.skip();
      return;
    }
    const s = await setup();
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_DEFAULT_REGION: "us-east-1",
    };
    const cli = async (...args: string[]) =>
      JSON.parse(
        (await run(aws, ["sns", ...args, "--endpoint-url", s.server.url, "--output", "json"], { env })).stdout || "{}",
      ) as Record<string, unknown>;

    const subscribed = await cli(
      "subscribe",
      "--topic-arn",
      s.topicArn,
      "--protocol",
      "http",
      "--notification-endpoint",
      s.url,
      "--attributes",
      JSON.stringify({ FilterPolicy: '{"type":["TicketCompleted"]}' }),
    );
    expect(subscribed).toEqual({ SubscriptionArn: "pending confirmation" });
    const [confirmation] = await s.endpoint.waitFor("SubscriptionConfirmation");
    const { Token } = JSON.parse(confirmation!.body) as { Token: string };
    const confirmed = await cli("confirm-subscription", "--topic-arn", s.topicArn, "--token", Token);
    const listed = await cli("list-subscriptions-by-topic", "--topic-arn", s.topicArn);
    expect(listed.Subscriptions).toEqual([
      {
        SubscriptionArn: confirmed.SubscriptionArn,
        Owner: "123456789012",
        Protocol: "http",
        Endpoint: s.url,
        TopicArn: s.topicArn,
      },
    ]);

    await cli(
      "publish",
      "--topic-arn",
      s.topicArn,
      "--message",
      '{"ticketId":"t1"}',
      "--message-attributes",
      JSON.stringify({ type: attr("TicketCompleted"), players: { DataType: "Number", StringValue: "2" } }),
    );
    await cli(
      "publish",
      "--topic-arn",
      s.topicArn,
      "--message",
      '{"ticketId":"t2"}',
      "--message-attributes",
      JSON.stringify({ type: attr("TicketFailed") }),
    );
    await s.sns.drain();
    expect(notifications(s).map((n) => [n.Message, n.MessageAttributes])).toEqual([
      [
        '{"ticketId":"t1"}',
        { type: { Type: "String", Value: "TicketCompleted" }, players: { Type: "Number", Value: "2" } },
      ],
    ]);
  });
});
