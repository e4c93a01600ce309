/**
 * The notifier against the local stage's WebSocket gateway and its `@connections` management API
 * (the same wire protocol as API Gateway's), with the gateway's own fixture handlers.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Logger } from "@aws-lambda-powertools/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { repoRoot } from "../../../../local/src/handlers.js";
import {
  startLocalWebSocketGateway,
  type LocalWebSocketGateway,
} from "../../../../local/src/websocket/LocalWebSocketGateway.js";
import { waitForRecord } from "../../../../local/test/fixtures/realtimeHandlers.js";
import { ConnectionNotifier } from "../../../src/adapters/realtime/ConnectionNotifier.js";

const fixture = (name: string): string =>
  `${relative(repoRoot, fileURLToPath(new URL("../../../../local/test/fixtures/realtimeHandlers", import.meta.url)))}.${name}`;

let gateway: LocalWebSocketGateway;
let notifier: ConnectionNotifier;

beforeAll(async () => {
  gateway = await startLocalWebSocketGateway({
    port: 0,
    region: "us-east-1",
    accountId: "123456789012",
    logger: new Logger({ serviceName: "test", logLevel: "CRITICAL" }),
    definition: {
      authorizer: { handler: fixture("authorize"), queryParameter: "token" },
      routes: {
        $connect: { handler: fixture("connect") },
        $disconnect: { handler: fixture("disconnect") },
        $default: { handler: fixture("message") },
      },
      limits: { maxMessageBytes: 32 * 1024, idleTimeoutMs: 600_000, maxConnectionMs: 7_200_000 },
    },
  });
  process.env["AWS_ACCESS_KEY_ID"] ??= "local";
  process.env["AWS_SECRET_ACCESS_KEY"] ??= "local";
  notifier = new ConnectionNotifier({ endpoint: gateway.managementEndpoint, region: "us-east-1" });
});
afterAll(async () => gateway.close());

interface Client {
  readonly connectionId: string;
  readonly nextMessage: Promise<string>;
  readonly closed: Promise<number>;
}

/** Connects as `token` and finds the connection id in the recorded `$connect` event. */
async function connect(token: string): Promise<Client> {
  const ws = new WebSocket(`${gateway.url}?token=${token}`);
  const nextMessage = new Promise<string>((res) => ws.once("message", (data) => res(String(data))));
  const closed = new Promise<number>((res) => ws.once("close", (code) => res(code)));
  await new Promise<void>((res, rej) => {
    ws.once("open", () => res());
    ws.once("error", rej);
  });
  const record = await waitForRecord(
    (r) => r.route === "$connect" && r.event.queryStringParameters?.["token"] === token,
  );
  return { connectionId: record.event.requestContext.connectionId, nextMessage, closed };
}

describe("ConnectionNotifier against the local WebSocket gateway", () => {
  it("posts one JSON message to an open connection", async () => {
    const client = await connect("notify-post");

    const outcome = await notifier.post(client.connectionId, { type: "ticket", status: "SEARCHING" });

    expect(outcome).toBe("sent");
    expect(JSON.parse(await client.nextMessage)).toEqual({ type: "ticket", status: "SEARCHING" });
  });

  it("reports a connection that is not open as gone", async () => {
    expect(await notifier.post("bm9uZQ==", { type: "pong" })).toBe("gone");
  });

  it("closes a connection, and closing it again is fine", async () => {
    const client = await connect("notify-close");

    await notifier.close(client.connectionId);
    await notifier.close(client.connectionId);

    expect(await client.closed).toBeGreaterThan(0);
    expect(await notifier.post(client.connectionId, { type: "pong" })).toBe("gone");
  });

  it("fails on an error that does not mean the connection is gone", async () => {
    const oversize = { blob: "x".repeat(64 * 1024) };
    const client = await connect("notify-too-large");

    await expect(notifier.post(client.connectionId, oversize)).rejects.toMatchObject({
      name: "PayloadTooLargeException",
    });
  });

  it("fails to close when the management API cannot be reached", async () => {
    const server = createServer();
    await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((res) => server.close(() => res()));
    const unreachable = new ConnectionNotifier({ endpoint: `http://127.0.0.1:${port}/local`, region: "us-east-1" });

    await expect(unreachable.close("abc=")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
