import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createClient } from "../src/client.js";
import {
  connectRealtime,
  InvalidMessageError,
  RealtimeAuthError,
  type RealtimeConnection,
  type RealtimeError,
  type UpdateSource,
} from "../src/realtime.js";
import type { Ticket } from "../src/client.js";

const fast = { reconnect: { minDelayMs: 5, maxDelayMs: 20 } };

function ticket(status: Ticket["status"], version: number, ticketId = "t-1"): Ticket {
  const at = "2026-12-06T00:00:00.000Z";
  return {
    ticketId,
    status,
    configuration: "arena",
    createdAt: at,
    updatedAt: at,
    version,
    retryAfterMs: status === "COMPLETED" ? 0 : 10,
  };
}

/** A WebSocket server standing in for the realtime API: answers resync from `state`, refuses handshakes with `refuse`. */
async function startRealtimeServer() {
  const state: {
    ticket: Ticket | null;
    refuse: number | undefined;
    silent: boolean;
    handshakes: number;
    tokens: string[];
  } = { ticket: null, refuse: undefined, silent: false, handshakes: 0, tokens: [] };
  const wss = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    verifyClient: (info, done) => {
      state.handshakes += 1;
      state.tokens.push(new URL(info.req.url ?? "/", "http://x").searchParams.get("token") ?? "");
      if (state.refuse) done(false, state.refuse);
      else done(true);
    },
  });
  await once(wss, "listening");
  const received: string[] = [];
  wss.on("connection", (socket) => {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { action: string };
      received.push(message.action);
      if (state.silent) return wss.emit("action", message.action);
      if (message.action === "resync")
        socket.send(JSON.stringify({ type: "resync", ticket: state.ticket, placement: null, party: null }));
      if (message.action === "ping") socket.send(JSON.stringify({ type: "pong", time: new Date().toISOString() }));
      wss.emit("action", message.action);
    });
  });
  const sockets = (): WebSocket[] => [...wss.clients];
  const push = (message: unknown): void => {
    for (const s of sockets()) s.send(typeof message === "string" ? message : JSON.stringify(message));
  };
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/realtime`;
  /** Resolves once a client sent `action` (counting those already received). */
  const action = async (name: string, count = 1): Promise<void> => {
    while (received.filter((a) => a === name).length < count) await once(wss, "action");
  };
  return {
    wss,
    state,
    url,
    push,
    sockets,
    action,
    received,
    close: () => new Promise<void>((r) => wss.close(() => r())),
  };
}

/** The REST API's GET /v1/matchmaking/{id}, answering with `view()` and counting calls. */
async function startApi(view: () => { status: number; body: unknown; headers?: Record<string, string> }) {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    const answer = req.url?.startsWith("/v1/matchmaking/")
      ? view()
      : { status: 404, body: { error: { code: "NOT_FOUND", message: "no" } } };
    res
      .writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
      .end(JSON.stringify(answer.body));
    server.emit("called");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const api = createClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: "jwt" });
  const polls = (): number => calls.filter((c) => c.startsWith("GET /v1/matchmaking/")).length;
  const polled = async (count: number): Promise<void> => {
    while (polls() < count) await once(server, "called");
  };
  return { api, polls, polled, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const event = <T>(live: RealtimeConnection, type: "open" | "close" | "failure"): Promise<T> =>
  new Promise((resolve) => {
    const off = live.on(type, (payload) => {
      off();
      resolve(payload as T);
    });
  });

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe("connectRealtime", () => {
  it("resolves a ticket watcher from pushed updates, with the token in the query string", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    const live = connectRealtime({ url: server.url, token: () => "secret.jwt", ...fast });
    cleanup.push(() => live.close());
    const seen: [string, UpdateSource][] = [];

    const watched = live.watchTicket("t-1", { onChange: (t, source) => seen.push([t.status, source]) });
    await server.action("resync");
    server.push({ type: "ticket.updated", ticket: ticket("SEARCHING", 1) });
    server.push({ type: "ticket.updated", ticket: ticket("COMPLETED", 2) });

    expect((await watched).status).toBe("COMPLETED");
    expect(seen).toEqual([
      ["SEARCHING", "push"],
      ["COMPLETED", "push"],
    ]);
    expect(server.state.tokens).toEqual(["secret.jwt"]);
    expect(live.connected).toBe(true);
  });

  it("drops stale and repeated versions, and reports invalid messages without acting on them", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    const live = connectRealtime({ url: server.url, token: "jwt", ...fast });
    cleanup.push(() => live.close());
    const seen: number[] = [];
    const failures: RealtimeError[] = [];
    live.on("failure", (e) => failures.push(e));
    const pushed: number[] = [];
    live.on("ticket.updated", (m) => pushed.push(m.ticket.version));

    const watched = live.watchTicket("t-1", { onChange: (t) => seen.push(t.version) });
    await server.action("resync");
    server.push({ type: "ticket.updated", ticket: ticket("PLACING", 3) });
    server.push({ type: "ticket.updated", ticket: ticket("SEARCHING", 2) });
    server.push({ type: "ticket.updated", ticket: ticket("PLACING", 3) });
    server.push({ type: "ticket.updated", ticket: { ticketId: "t-1", status: "COMPLETED" } });
    server.push("not json");
    server.push({ type: "ticket.updated", ticket: ticket("COMPLETED", 4) });

    expect((await watched).version).toBe(4);
    expect(seen).toEqual([3, 4]);
    expect(pushed).toEqual([3, 4]);
    expect(failures).toHaveLength(2);
    expect(failures.every((f) => f instanceof InvalidMessageError && !f.fatal)).toBe(true);
  });

  it("polls while the socket is down, stops once it is back, and completes from the resync", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    let answers = 0;
    // The first poll is throttled (429, Retry-After: 0), then the ticket is still searching.
    const rest = await startApi(() =>
      ++answers === 1
        ? { status: 429, body: { error: { code: "THROTTLED", message: "slow down" } }, headers: { "retry-after": "0" } }
        : { status: 200, body: ticket("SEARCHING", 2) },
    );
    cleanup.push(rest.close);
    const live = connectRealtime({ url: server.url, token: "jwt", api: rest.api, ...fast });
    cleanup.push(() => live.close());
    const sources: UpdateSource[] = [];
    await server.action("resync");

    const watched = live.watchTicket("t-1", { onChange: (_t, source) => sources.push(source) });
    server.push({ type: "ticket.updated", ticket: ticket("SEARCHING", 1) });
    await new Promise<void>((resolve) => live.on("ticket.updated", () => resolve()));
    expect(rest.polls()).toBe(0);

    server.state.refuse = 503;
    const closed = event(live, "close");
    for (const s of server.sockets()) s.terminate();
    await closed;
    await rest.polled(3);
    server.state.ticket = ticket("COMPLETED", 3);
    server.state.refuse = undefined;
    await event(live, "open");
    const pollsWhenOpen = rest.polls();

    const done = await watched;
    expect(done.status).toBe("COMPLETED");
    expect(sources).toEqual(["push", "poll", "resync"]);
    expect(rest.polls()).toBeLessThanOrEqual(pollsWhenOpen + 1);
    expect(server.received.filter((a) => a === "resync")).toHaveLength(2);
  });

  it("never polls with fallback: false", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    server.state.refuse = 503;
    const rest = await startApi(() => ({ status: 200, body: ticket("SEARCHING", 1) }));
    cleanup.push(rest.close);
    const live = connectRealtime({ url: server.url, token: "jwt", api: rest.api, fallback: false, ...fast });
    cleanup.push(() => live.close());
    const failures: RealtimeError[] = [];
    live.on("failure", (e) => failures.push(e));

    const watched = live.watchTicket("t-1");
    while (server.state.handshakes < 3) await event(live, "close");
    server.state.refuse = undefined;
    await server.action("resync");
    server.push({ type: "ticket.updated", ticket: ticket("COMPLETED", 2) });

    expect((await watched).status).toBe("COMPLETED");
    expect(rest.polls()).toBe(0);
    expect(failures.some((f) => /503/.test(f.message))).toBe(true);
  });

  it("treats a 401 handshake as final: reports an auth error, rejects watchers and stops reconnecting", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    server.state.refuse = 401;
    const live = connectRealtime({ url: server.url, token: "very-secret-token", ...fast });
    cleanup.push(() => live.close());
    const failure = event<RealtimeError>(live, "failure");

    const watched = live.watchTicket("t-1");

    await expect(watched).rejects.toBeInstanceOf(RealtimeAuthError);
    const error = await failure;
    expect(error).toMatchObject({ name: "RealtimeAuthError", status: 401, fatal: true });
    expect(error.message).not.toContain("very-secret-token");
    await expect(live.resync()).rejects.toBeInstanceOf(RealtimeAuthError);
    expect(server.state.handshakes).toBe(1);
    expect(live.connected).toBe(false);
  });

  it("drops a connection that leaves resync unanswered and polls until one answers", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    server.state.silent = true;
    const rest = await startApi(() => ({ status: 200, body: ticket("COMPLETED", 2) }));
    cleanup.push(rest.close);
    const live = connectRealtime({ url: server.url, token: "jwt", api: rest.api, replyTimeoutMs: 30, ...fast });
    cleanup.push(() => live.close());
    const failure = event<RealtimeError>(live, "failure");
    await event(live, "open");
    const sources: UpdateSource[] = [];

    const done = await live.watchTicket("t-1", { onChange: (_t, source) => sources.push(source) });

    expect(done.status).toBe("COMPLETED");
    expect(sources).toEqual(["poll"]);
    expect((await failure).message).toMatch(/no answer to resync/);
  });

  it("pings on its interval and resolves resync() with the server's answer", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    server.state.ticket = ticket("SEARCHING", 5);
    const live = connectRealtime({ url: server.url, token: "jwt", pingIntervalMs: 10, ...fast });
    cleanup.push(() => live.close());
    const pong = new Promise((resolve) => live.on("pong", resolve));

    const answer = await live.resync();

    expect(answer).toMatchObject({ type: "resync", ticket: { version: 5 }, placement: null });
    await expect(pong).resolves.toMatchObject({ type: "pong" });
    await server.action("ping");
  });

  it("resolves a placement watcher and rejects pending watchers on close", async () => {
    const server = await startRealtimeServer();
    cleanup.push(server.close);
    const live = connectRealtime({ url: server.url, token: "jwt", ...fast });
    const at = "2026-12-06T00:00:00.000Z";
    const placement = {
      placementId: "p-1",
      status: "FULFILLED" as const,
      queue: "arena",
      createdAt: at,
      updatedAt: at,
      version: 1,
      retryAfterMs: 0,
    };

    const watched = live.watchPlacement("p-1");
    const pending = live.watchTicket("t-9");
    await server.action("resync");
    server.push({ type: "placement.updated", placement });

    expect(await watched).toEqual(placement);
    const rejected = expect(pending).rejects.toMatchObject({ name: "RealtimeClosedError" });
    await live.close();
    await rejected;
  });
});
