import { createServer, type IncomingMessage, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { LocalSns } from "./LocalSns.js";
import { parseFaults, type DeliveryFaults } from "./faults.js";
import { snsAction } from "./snsActions.js";

/** The running SNS endpoint. */
export interface SnsServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the SNS Query API (CreateTopic, ListTopics, GetTopicAttributes, Subscribe for http/https,
 * ConfirmSubscription, Unsubscribe, ListSubscriptions(ByTopic), Get/SetSubscriptionAttributes,
 * Publish with MessageAttributes; GET works too, so a SubscribeURL confirms) plus the local stage's
 * knobs: `GET|PUT /local/faults`, `GET /local/dlq`, `POST /local/dlq/redrive`. Tells `sns` its URL.
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
      .catch((err: unknown): [number, string, string] => [
        500,
        JSON.stringify({ error: String(err) }),
        "application/json",
      ])
      .then(([status, payload, type]) => {
        res.writeHead(status, { "content-type": type, "x-amzn-requestid": randomUUID() });
        res.end(payload);
      });
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://${host}:${bound}`;
  sns.setUrl(url);
  return {
    url,
    close: () =>
      new Promise<void>((r) => {
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
      const next = parseFaults(
        Object.entries({ ...sns.faults, ...parsed })
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(","),
      );
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
    for (const l of letters)
      sns.publish(l.topicArn, l.message, l.messageAttributes ? { messageAttributes: l.messageAttributes } : {});
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
