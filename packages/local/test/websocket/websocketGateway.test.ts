import { randomUUID } from "node:crypto";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { Logger } from "@aws-lambda-powertools/logger";
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import { realtime } from "@matchplace/functions/routes";
import { repoRoot } from "../../src/handlers.js";
import {
  startLocalWebSocketGateway,
  type LocalWebSocketGateway,
  type LocalWebSocketGatewayOptions,
} from "../../src/websocket/LocalWebSocketGateway.js";
import { openGate, recorded, waitForRecord, type Recorded, type WsEvent } from "../fixtures/realtimeHandlers.js";

const quiet = new Logger({ serviceName: "test", logLevel: "CRITICAL" });
const region = "us-east-1";
const accountId = "123456789012";
const fixture = (name: string): string =>
  `${relative(repoRoot, fileURLToPath(new URL("../fixtures/realtimeHandlers", import.meta.url)))}.${name}`;

/** routes.ts's realtime definition with the fixture handlers in place of the real ones. */
const definition: LocalWebSocketGatewayOptions["definition"] = {
  ...realtime,
  authorizer: { ...realtime.authorizer, handler: fixture("authorize") },
  routes: {
    $connect: { handler: fixture("connect") },
    $disconnect: { handler: fixture("disconnect") },
    $default: { handler: fixture("message") },
  },
};

const start = (o: Partial<LocalWebSocketGatewayOptions> = {}): Promise<LocalWebSocketGateway> =>
  startLocalWebSocketGateway({ port: 0, region, accountId, logger: quiet, definition, ...o });

interface Client {
  readonly ws: WebSocket;
  readonly connectionId: string;
  nextMessage(): Promise<string>;
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** Opens a connection and finds its id in the `$connect` event (tokens are unique per test). */
async function open(gw: LocalWebSocketGateway, token: string): Promise<Client> {
  const ws = new WebSocket(`${gw.url}?token=${encodeURIComponent(token)}`);
  const inbox: string[] = [];
  const waiting: ((m: string) => void)[] = [];
  ws.on("message", (data) => {
    const text = String(data);
    const w = waiting.shift();
    if (w) w(text);
    else inbox.push(text);
  });
  const closed = new Promise<{ code: number; reason: string }>((res) =>
    ws.once("close", (code, reason) => res({ code, reason: reason.toString() })),
  );
  await new Promise<void>((res, rej) => {
    ws.once("open", () => res());
    ws.once("error", rej);
  });
  const connect = await waitForRecord((r) => r.route === "$connect" && r.event.queryStringParameters?.token === token);
  return {
    ws,
    connectionId: connect.event.requestContext.connectionId,
    nextMessage: () => {
      const m = inbox.shift();
      return m !== undefined ? Promise.resolve(m) : new Promise((res) => waiting.push(res));
    },
    closed,
  };
}

/** The HTTP status a refused handshake answers with. */
function refusal(url: string): Promise<number> {
  return new Promise((res, rej) => {
    const ws = new WebSocket(url);
    ws.once("open", () => rej(new Error("the handshake was accepted")));
    ws.once("error", (err) => {
      const m = /Unexpected server response: (\d+)/.exec(err.message);
      if (m) res(Number(m[1]));
      else rej(err);
    });
  });
}

const eventsOf = (connectionId: string, route: Recorded["route"]): WsEvent[] =>
  recorded()
    .filter((r) => r.route === route && r.phase === "start" && r.event.requestContext.connectionId === connectionId)
    .map((r) => r.event);

const disconnectOf = (connectionId: string): Promise<Recorded> =>
  waitForRecord((r) => r.route === "$disconnect" && r.event.requestContext.connectionId === connectionId);

describe("local WebSocket gateway", () => {
  let gw: LocalWebSocketGateway;
  let mgmt: ApiGatewayManagementApiClient;

  beforeAll(async () => {
    gw = await start({ limits: { maxMessageBytes: 1024 } });
    mgmt = new ApiGatewayManagementApiClient({
      endpoint: gw.managementEndpoint,
      region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
  });

  afterAll(async () => {
    mgmt?.destroy();
    await gw?.close();
  });

  it("refuses a handshake without a token with 401 and never calls the authorizer", async () => {
    const before = recorded().filter((r) => r.route === "authorizer").length;

    expect(await refusal(gw.url)).toBe(401);
    expect(await refusal(`${gw.url}?token=`)).toBe(401);

    expect(recorded().filter((r) => r.route === "authorizer")).toHaveLength(before);
  });

  it("refuses 403 when the authorizer denies, 401 when it throws Unauthorized, 500 when it breaks", async () => {
    expect(await refusal(`${gw.url}?token=deny`)).toBe(403);
    expect(await refusal(`${gw.url}?token=unauthorized`)).toBe(401);
    expect(await refusal(`${gw.url}?token=boom`)).toBe(500);
  });

  it("refuses the handshake with the status of a $connect handler that answers non-2xx", async () => {
    const token = `carol-${randomUUID()}`;

    expect(await refusal(`${gw.url}?token=${token}&refuse=409`)).toBe(409);

    const connect = await waitForRecord(
      (r) => r.route === "$connect" && r.event.queryStringParameters?.token === token,
    );
    expect(gw.connectionCount()).toBe(0);
    expect(connect.event.requestContext.authorizer).toMatchObject({ principalId: `player-${token}`, playerId: token });
  });

  it("hands every handler an event of API Gateway's shape, with the authorizer context after connect", async () => {
    const token = `alice-${randomUUID()}`;
    const client = await open(gw, token);
    const id = client.connectionId;

    client.ws.send("hello");
    client.ws.send(Buffer.from([0, 1, 2, 255]));
    await waitForRecord(
      (r) =>
        r.route === "$default" &&
        r.phase === "end" &&
        r.event.requestContext.connectionId === id &&
        r.event.isBase64Encoded === true,
    );
    client.ws.close(4000, "bye");
    await disconnectOf(id);

    const [auth] = recorded().filter((r) => r.route === "authorizer" && r.event.queryStringParameters?.token === token);
    const context = { principalId: `player-${token}`, playerId: token, tier: 3, verified: true };
    const common = {
      connectionId: id,
      stage: "local",
      apiId: "local",
      messageDirection: "IN",
      domainName: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    };
    expect(auth?.event).toMatchObject({
      type: "REQUEST",
      methodArn: `arn:aws:execute-api:${region}:${accountId}:local/local/$connect`,
      headers: { Host: expect.any(String), Upgrade: "websocket" },
      multiValueHeaders: { Host: [expect.any(String)] },
      queryStringParameters: { token },
      multiValueQueryStringParameters: { token: [token] },
      stageVariables: null,
      requestContext: {
        ...common,
        routeKey: "$connect",
        eventType: "CONNECT",
        requestId: expect.any(String),
        extendedRequestId: expect.any(String),
        connectedAt: expect.any(Number),
        requestTimeEpoch: expect.any(Number),
        requestTime: expect.stringMatching(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/),
        identity: { sourceIp: "127.0.0.1" },
      },
    });
    expect(eventsOf(id, "$connect")[0]).toMatchObject({
      headers: { Host: expect.any(String) },
      queryStringParameters: { token },
      isBase64Encoded: false,
      requestContext: { ...common, routeKey: "$connect", eventType: "CONNECT", authorizer: context },
    });
    const [text, binary] = eventsOf(id, "$default");
    expect(text).toMatchObject({
      body: "hello",
      isBase64Encoded: false,
      requestContext: {
        ...common,
        routeKey: "$default",
        eventType: "MESSAGE",
        messageId: expect.any(String),
        authorizer: context,
        identity: { sourceIp: "127.0.0.1" },
      },
    });
    expect(binary).toMatchObject({ body: Buffer.from([0, 1, 2, 255]).toString("base64"), isBase64Encoded: true });
    const disconnects = eventsOf(id, "$disconnect");
    expect(disconnects).toHaveLength(1);
    expect(disconnects[0]).toMatchObject({
      requestContext: {
        ...common,
        routeKey: "$disconnect",
        eventType: "DISCONNECT",
        disconnectStatusCode: 4000,
        disconnectReason: "bye",
        authorizer: context,
      },
    });
  });

  it("delivers PostToConnection as a text frame and describes the connection with GetConnection", async () => {
    const client = await open(gw, `bob-${randomUUID()}`);

    await mgmt.send(
      new PostToConnectionCommand({ ConnectionId: client.connectionId, Data: JSON.stringify({ type: "hello" }) }),
    );
    const got = await mgmt.send(new GetConnectionCommand({ ConnectionId: client.connectionId }));

    expect(JSON.parse(await client.nextMessage())).toEqual({ type: "hello" });
    expect(got.ConnectedAt).toBeInstanceOf(Date);
    expect(got.LastActiveAt).toBeInstanceOf(Date);
    expect(got.LastActiveAt!.getTime()).toBeGreaterThanOrEqual(got.ConnectedAt!.getTime());
    expect(got.Identity).toEqual({ SourceIp: "127.0.0.1", UserAgent: "" });
    client.ws.close();
    await disconnectOf(client.connectionId);
  });

  it("closes the socket on DeleteConnection, runs $disconnect, then answers GoneException", async () => {
    const client = await open(gw, `dave-${randomUUID()}`);

    await mgmt.send(new DeleteConnectionCommand({ ConnectionId: client.connectionId }));

    expect((await client.closed).code).toBe(1000);
    const disconnect = await disconnectOf(client.connectionId);
    expect(disconnect.event.requestContext).toMatchObject({
      eventType: "DISCONNECT",
      disconnectStatusCode: 1000,
      authorizer: { playerId: expect.stringMatching(/^dave-/) },
    });
    const post = mgmt.send(new PostToConnectionCommand({ ConnectionId: client.connectionId, Data: "late" }));
    await expect(post).rejects.toMatchObject({ name: "GoneException", $metadata: { httpStatusCode: 410 } });
    await expect(mgmt.send(new GetConnectionCommand({ ConnectionId: "neverSeenAA=" }))).rejects.toMatchObject({
      name: "GoneException",
    });
    await expect(mgmt.send(new DeleteConnectionCommand({ ConnectionId: client.connectionId }))).rejects.toMatchObject({
      name: "GoneException",
    });
  });

  it("answers PayloadTooLargeException to a PostToConnection over the message limit", async () => {
    const client = await open(gw, `erin-${randomUUID()}`);

    const post = mgmt.send(new PostToConnectionCommand({ ConnectionId: client.connectionId, Data: "x".repeat(1025) }));

    await expect(post).rejects.toMatchObject({ name: "PayloadTooLargeException", $metadata: { httpStatusCode: 413 } });
    client.ws.close();
    await disconnectOf(client.connectionId);
  });

  it("closes a connection with 1009 when a client message exceeds the limit", async () => {
    const client = await open(gw, `frank-${randomUUID()}`);

    client.ws.send("y".repeat(1025));

    expect((await client.closed).code).toBe(1009);
    const disconnect = await disconnectOf(client.connectionId);
    expect(disconnect.event.requestContext).toMatchObject({ disconnectStatusCode: 1009 });
    expect(eventsOf(client.connectionId, "$default")).toEqual([]);
  });

  it("runs one connection's messages one at a time, in order, and survives a failing handler", async () => {
    const gateName = randomUUID();
    const client = await open(gw, `grace-${randomUUID()}`);
    const id = client.connectionId;

    client.ws.send("throw");
    client.ws.send(`gate:${gateName}`);
    client.ws.send("second");
    await waitForRecord(
      (r) =>
        r.route === "$default" && r.event.body === `gate:${gateName}` && r.event.requestContext.connectionId === id,
    );
    // A pong comes back only after the gateway has read every frame sent before the ping.
    await new Promise<void>((res) => {
      client.ws.once("pong", () => res());
      client.ws.ping();
    });
    const beforeOpen = eventsOf(id, "$default").map((e) => e.body);
    openGate(gateName);
    await waitForRecord(
      (r) =>
        r.route === "$default" &&
        r.phase === "end" &&
        r.event.body === "second" &&
        r.event.requestContext.connectionId === id,
    );

    expect(beforeOpen).toEqual(["throw", `gate:${gateName}`]);
    expect(eventsOf(id, "$default").map((e) => e.body)).toEqual(["throw", `gate:${gateName}`, "second"]);
    // The handlers' return bodies were not sent back (no route response): the first frame is our marker.
    await mgmt.send(new PostToConnectionCommand({ ConnectionId: id, Data: "marker" }));
    expect(await client.nextMessage()).toBe("marker");
    client.ws.close();
    await disconnectOf(id);
  });

  it("runs different connections' messages concurrently", async () => {
    const gateName = randomUUID();
    const blocked = await open(gw, `heidi-${randomUUID()}`);
    const free = await open(gw, `ivan-${randomUUID()}`);

    blocked.ws.send(`gate:${gateName}`);
    await waitForRecord((r) => r.route === "$default" && r.event.body === `gate:${gateName}`);
    free.ws.send("meanwhile");

    await waitForRecord(
      (r) => r.route === "$default" && r.phase === "end" && r.event.requestContext.connectionId === free.connectionId,
    );
    openGate(gateName);
    blocked.ws.close();
    free.ws.close();
    await Promise.all([disconnectOf(blocked.connectionId), disconnectOf(free.connectionId)]);
  });
});

describe("local WebSocket gateway limits", () => {
  it("closes an idle connection with 1001 Going away and reports it to $disconnect", async () => {
    const gw = await start({ limits: { idleTimeoutMs: 100 } });
    try {
      const client = await open(gw, `idle-${randomUUID()}`);

      const closed = await client.closed;

      expect(closed).toEqual({ code: 1001, reason: "Going away" });
      const disconnect = await disconnectOf(client.connectionId);
      expect(disconnect.event.requestContext).toMatchObject({
        disconnectStatusCode: 1001,
        disconnectReason: "Going away",
      });
      expect(gw.connectionCount()).toBe(0);
    } finally {
      await gw.close();
    }
  });

  it("closes a connection at its maximum lifetime even while it is busy", async () => {
    const gw = await start({ limits: { idleTimeoutMs: 60_000, maxConnectionMs: 300 } });
    try {
      const client = await open(gw, `old-${randomUUID()}`);
      const chatter = setInterval(() => client.ws.send("still here"), 20);

      const closed = await client.closed.finally(() => clearInterval(chatter));

      expect(closed.code).toBe(1001);
    } finally {
      await gw.close();
    }
  });

  it("closes open connections with 1001 when the gateway stops, running $disconnect for each", async () => {
    const gw = await start();
    const client = await open(gw, `stop-${randomUUID()}`);

    await gw.close();

    expect((await client.closed).code).toBe(1001);
    expect(eventsOf(client.connectionId, "$disconnect")).toHaveLength(1);
  });

  it("keeps tokens out of its log lines", async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown): boolean => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    const gw = await start({ logger: new Logger({ serviceName: "test", logLevel: "DEBUG" }) });
    try {
      const secret = `boom-${randomUUID()}`;

      expect(await refusal(`${gw.url}?token=${secret}`)).toBe(500);
      expect(await refusal(`${gw.url}?token=deny&other=${secret}`)).toBe(403);

      expect(lines.join("")).toContain("websocket authorizer failed");
      expect(lines.join("")).not.toContain(secret);
    } finally {
      out.mockRestore();
      err.mockRestore();
      await gw.close();
    }
  });
});
