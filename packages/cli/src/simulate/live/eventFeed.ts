import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ConfirmSubscriptionCommand, SNSClient, SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";

/** A GameLift matchmaking event as GameLift publishes it to the configuration's topic. */
export interface GameLiftEvent {
  time: string;
  detail: {
    type: string;
    tickets?: { ticketId: string; startTime: string; players: { playerId: string; team?: string }[] }[];
    [k: string]: unknown;
  };
}

/** A running subscription; see {@link subscribeToEvents}. */
export interface EventFeed {
  /** Resolves once SNS confirmed the subscription (events flow from then on). */
  readonly confirmed: Promise<void>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Subscribes an HTTP endpoint on 127.0.0.1 to the stage's GameLift event topic through the SNS API
 * (`Subscribe` protocol http, then `ConfirmSubscription` with the token SNS posts), exactly as an
 * outside listener would on AWS, and hands every matchmaking event to `onEvent`.
 * @example const feed = await subscribeToEvents({ sns: stage.sns, region, topicArn, onEvent }); await feed.confirmed;
 */
export async function subscribeToEvents(options: {
  sns: string;
  region: string;
  topicArn: string;
  onEvent: (event: GameLiftEvent) => void;
}): Promise<EventFeed> {
  const client = new SNSClient({
    endpoint: options.sns,
    region: options.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 3,
    requestHandler: { requestTimeout: 5000 },
  });
  let confirm!: () => void;
  let fail!: (err: unknown) => void;
  const confirmed = new Promise<void>((res, rej) => {
    confirm = res;
    fail = rej;
  });
  confirmed.catch(() => undefined);
  let subscriptionArn: string | undefined;
  const server: Server = createServer((req, res) => {
    void body(req)
      .then(async (text) => {
        const envelope = JSON.parse(text) as { Type?: string; Token?: string; TopicArn?: string; Message?: string };
        if (envelope.Type === "SubscriptionConfirmation" && envelope.Token) {
          const out = await client.send(
            new ConfirmSubscriptionCommand({ TopicArn: options.topicArn, Token: envelope.Token }),
          );
          subscriptionArn = out.SubscriptionArn;
          confirm();
        } else if (envelope.Type === "Notification" && envelope.Message) {
          const event = JSON.parse(envelope.Message) as Partial<GameLiftEvent>;
          if (event.detail && typeof event.detail.type === "string" && typeof event.time === "string")
            options.onEvent(event as GameLiftEvent);
        }
        res.writeHead(200).end();
      })
      .catch((err: unknown) => {
        fail(err);
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const closeServer = (): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
  try {
    await client.send(
      new SubscribeCommand({
        TopicArn: options.topicArn,
        Protocol: "http",
        Endpoint: `http://127.0.0.1:${port}/events`,
      }),
    );
  } catch (err) {
    await closeServer();
    client.destroy();
    throw err;
  }
  const timer = setTimeout(
    () => fail(new Error(`SNS did not confirm the subscription to ${options.topicArn} within 10 s`)),
    10_000,
  );
  void confirmed.finally(() => clearTimeout(timer)).catch(() => undefined);
  return {
    confirmed,
    async close() {
      clearTimeout(timer);
      if (subscriptionArn)
        await client.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionArn })).catch(() => undefined);
      server.closeAllConnections();
      await closeServer();
      client.destroy();
    },
  };
}
