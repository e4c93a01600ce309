import { createServer, type IncomingMessage, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { LocalSns } from "./LocalSns.js";
import { parseFaults, type DeliveryFaults } from "./faults.js";

const NS = "http://sns.amazonaws.com/doc/2010-03-31/";

/** The running SNS endpoint. */
export interface SnsServer {
  readonly url: string;
  close(): Promise<void>;
}

const esc = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function ok(action: string, result: string): [number, string] {
  const id = randomUUID();
  return [200, `<?xml version="1.0"?>\n<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${action}Response>`];
}

function fail(status: number, code: string, message: string): [number, string] {
  return [status, `<?xml version="1.0"?>\n<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`];
}

/** One SNS Query-protocol action (what `aws sns ... --endpoint-url` and the SDK send). */
export function snsAction(sns: LocalSns, params: URLSearchParams): [number, string] {
  const action = params.get("Action") ?? "";
  const topicArn = params.get("TopicArn") ?? "";
  switch (action) {
    case "CreateTopic": {
      const name = params.get("Name") ?? "";
      if (!/^[A-Za-z0-9_-]{1,256}$/.test(name)) return fail(400, "InvalidParameter", "Invalid parameter: Topic Name");
      return ok(action, `<TopicArn>${esc(sns.createTopic(name))}</TopicArn>`);
    }
    case "ListTopics":
      return ok(action, `<Topics>${sns.topicArns().map((a) => `<member><TopicArn>${esc(a)}</TopicArn></member>`).join("")}</Topics>`);
    case "GetTopicAttributes":
      if (!sns.hasTopic(topicArn)) return fail(404, "NotFound", "Topic does not exist");
      return ok(action, `<Attributes><entry><key>TopicArn</key><value>${esc(topicArn)}</value></entry><entry><key>SubscriptionsConfirmed</key><value>${sns.subscriptions(topicArn).length}</value></entry></Attributes>`);
    case "ListSubscriptionsByTopic":
      if (!sns.hasTopic(topicArn)) return fail(404, "NotFound", "Topic does not exist");
      return ok(action, `<Subscriptions>${sns.subscriptions(topicArn).map((s) => `<member><SubscriptionArn>${esc(s.arn)}</SubscriptionArn><TopicArn>${esc(topicArn)}</TopicArn><Protocol>lambda</Protocol><Endpoint>${esc(s.endpoint)}</Endpoint></member>`).join("")}</Subscriptions>`);
    case "Publish": {
      if (!topicArn) return fail(400, "InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
      if (!sns.hasTopic(topicArn)) return fail(404, "NotFound", "Topic does not exist");
      const message = params.get("Message");
      if (message === null || message.length === 0) return fail(400, "InvalidParameter", "Invalid parameter: Empty message");
      if (Buffer.byteLength(message) > 262_144) return fail(400, "InvalidParameter", "Invalid parameter: Message too long");
      const id = sns.publish(topicArn, message, params.get("Subject") ?? undefined);
      return ok(action, `<MessageId>${id}</MessageId>`);
    }
    default:
      return fail(400, "InvalidAction", `The action ${action || "(none)"} is not valid for this endpoint.`);
  }
}

/**
 * Serves the SNS Query API (CreateTopic, ListTopics, GetTopicAttributes, ListSubscriptionsByTopic,
 * Publish) plus the local stage's knobs: `GET|PUT /local/faults`, `GET /local/dlq`,
 * `POST /local/dlq/redrive`.
 */
export async function startSnsServer(sns: LocalSns, port: number, host = "127.0.0.1"): Promise<SnsServer> {
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then(async (body): Promise<[number, string, string]> => {
        const url = new URL(req.url ?? "/", "http://localhost");
        if (url.pathname.startsWith("/local/")) {
          const [status, payload] = localAdmin(sns, req.method ?? "GET", url.pathname, body);
          return [status, JSON.stringify(payload), "application/json"];
        }
        const params = new URLSearchParams(req.method === "GET" ? url.search : body);
        const [status, xml] = snsAction(sns, params);
        return [status, xml, "text/xml"];
      })
      .catch((err: unknown): [number, string, string] => [500, JSON.stringify({ error: String(err) }), "application/json"])
      .then(([status, payload, type]) => {
        res.writeHead(status, { "content-type": type, "x-amzn-requestid": randomUUID() });
        res.end(payload);
      });
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function localAdmin(sns: LocalSns, method: string, path: string, body: string): [number, unknown] {
  if (path === "/local/faults" && method === "GET") return [200, sns.faults];
  if (path === "/local/faults" && (method === "PUT" || method === "POST")) {
    try {
      const parsed = body.trim().startsWith("{") ? (JSON.parse(body) as Partial<DeliveryFaults>) : parseFaults(body);
      const next = parseFaults(Object.entries({ ...sns.faults, ...parsed }).map(([k, v]) => `${k}=${String(v)}`).join(","));
      sns.setFaults(next);
      return [200, next];
    } catch (err) {
      return [400, { error: { code: "INVALID_FAULTS", message: err instanceof Error ? err.message : String(err) } }];
    }
  }
  if (path === "/local/dlq" && method === "GET") return [200, { messages: sns.deadLetters() }];
  if (path === "/local/dlq/redrive" && method === "POST") {
    const letters = sns.deadLetters();
    sns.removeDeadLetters(letters.map((l) => l.id));
    for (const l of letters) sns.publish(l.topicArn, l.message);
    return [200, { redriven: letters.length }];
  }
  return [404, { error: { code: "NOT_FOUND", message: `no local route ${method} ${path}` } }];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => res(Buffer.concat(chunks).toString("utf8")));
    req.on("error", rej);
  });
}
