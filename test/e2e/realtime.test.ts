/**
 * The push channel end to end on the local stage: real JWTs at the WebSocket handshake, DynamoDB
 * Local's real stream read by the same dispatcher as on AWS, posts through the `@connections` API,
 * and the MatchEvents topic. The client's polling fallback is off unless a test says otherwise.
 */
import { generateKeyPair, SignJWT } from "jose";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRealtime, createClient, type RealtimeConnection, type Ticket } from "@matchplace/client";
import { matchEvent, type MatchEvent } from "@matchplace/client/schemas";
import type { LocalStage } from "@matchplace/local";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { PlayerConnection } from "@matchplace/core";
import { ConnectionRepository, createDocumentClient } from "@matchplace/core/dynamo";
import { ConnectionNotifier } from "@matchplace/core/realtime";
import { call, pollUntil, startTestStage, tokenFor } from "../support/stage.js";

let stage: LocalStage;
let api: string;
const run = Date.now().toString(36);
/** Every MatchEvents message, as a studio's subscriber gets it. */
const matchEvents: { event: MatchEvent; attributes: Record<string, { Type: string; Value: string }> }[] = [];
const sentinels = new Map<string, () => void>();

/**
 * Resolves once every match event published so far has reached the subscriber: the dispatcher has
 * seen every write, then a sentinel published after them arrives (one subscription delivers in order).
 */
async function matchEventsSettled(): Promise<void> {
  await stage.realtime.drained();
  const id = `sentinel-${sentinels.size}`;
  const arrived = new Promise<void>((r) => sentinels.set(id, r));
  stage.sns.publish(stage.endpoints.topics.matchEvents, JSON.stringify({ sentinel: id }));
  await arrived;
}

beforeAll(async () => {
  stage = await startTestStage();
  api = stage.endpoints.api;
  stage.sns.subscribe(stage.endpoints.topics.matchEvents, "studio-workflow", async (event: unknown) => {
    for (const r of (
      event as {
        Records: { Sns: { Message: string; MessageAttributes?: Record<string, { Type: string; Value: string }> } }[];
      }
    ).Records) {
      const body = JSON.parse(r.Sns.Message) as { sentinel?: string };
      if (body.sentinel !== undefined) sentinels.get(body.sentinel)?.();
      else matchEvents.push({ event: matchEvent().parse(body), attributes: r.Sns.MessageAttributes ?? {} });
    }
  });
}, 120_000);

afterAll(async () => {
  await stage?.stop();
});

/** Opens a raw socket; resolves with the handshake's HTTP status (101 when accepted). */
function handshake(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", (err) => {
      if (!String(err.message).includes("Unexpected server response")) reject(err);
    });
  });
}

describe("the WebSocket handshake", () => {
  it("accepts a valid player token, records the connection, and forgets it on $disconnect", async () => {
    const player = `ok-${run}`;
    const token = await tokenFor(api, player);
    const ws = new WebSocket(`${stage.endpoints.websocket}?token=${encodeURIComponent(token)}`);
    await new Promise((r, j) => {
      ws.on("open", r);
      ws.on("error", j);
    });
    const recorded = await connectionsOf(player);
    ws.close();
    // $disconnect runs after the close, as on AWS (best effort there; the TTL covers a missed one).
    const afterClose = await pollUntil(
      () => connectionsOf(player),
      (c) => c.length === 0,
      10_000,
    );

    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(afterClose).toEqual([]);
  });

  it("refuses a missing, forged, expired or wrong-audience token and stores nothing", async () => {
    const forgedKey = (await generateKeyPair("RS256")).privateKey;
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "local-1" })
      .setSubject(`mallory-${run}`)
      .setIssuer(stage.issuer.issuer)
      .setAudience(stage.issuer.audience)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(forgedKey);
    const expired = await stage.issuer.issue(`late-${run}`, 60, { expiresAt: Math.floor(Date.now() / 1000) - 120 });
    const wrongAudience = await stage.issuer.issue(`aud-${run}`, 60, { audience: "someone-else" });
    const ws = stage.endpoints.websocket;

    const statuses = await Promise.all([
      handshake(ws),
      handshake(`${ws}?token=`),
      handshake(`${ws}?token=${forged}`),
      handshake(`${ws}?token=${expired}`),
      handshake(`${ws}?token=${wrongAudience}`),
    ]);

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const player of [`mallory-${run}`, `late-${run}`, `aud-${run}`])
      expect(await connectionsOf(player)).toEqual([]);
  });
});

describe("client messages on $default", () => {
  it("answers ping with pong, resync with the player's state as GET returns it, and bad frames with an error, keeping the connection", async () => {
    const player = `msgs-${run}`;
    const token = await tokenFor(api, player);
    const created = await call(api, token, "POST", "/v1/parties", {});
    expect(created.status).toBe(201);
    const ws = new WebSocket(`${stage.endpoints.websocket}?token=${encodeURIComponent(token)}`);
    const got: Record<string, unknown>[] = [];
    let notify: () => void = () => undefined;
    ws.on("message", (d) => {
      const m = JSON.parse(String(d)) as Record<string, unknown>;
      // Pushes (the party's creation may still be on its way) are not replies.
      if (!String(m.type).endsWith(".updated")) got.push(m);
      notify();
    });
    await new Promise((r, j) => {
      ws.on("open", r);
      ws.on("error", j);
    });
    const next = (): Promise<Record<string, unknown>> =>
      new Promise((r) => {
        const n = got.length;
        notify = () => got.length > n && r(got[n] as Record<string, unknown>);
      });
    const ask = async (frame: string): Promise<Record<string, unknown>> => {
      const reply = next();
      ws.send(frame);
      return reply;
    };

    const pong = await ask(JSON.stringify({ action: "ping" }));
    const resync = await ask(JSON.stringify({ action: "resync" }));
    const unknown = await ask(JSON.stringify({ action: "dance" }));
    const malformed = await ask("{not json");
    const extra = await ask(JSON.stringify({ action: "ping", extra: 1 }));
    const stillOpen = await ask(JSON.stringify({ action: "ping" }));
    ws.close();

    expect(pong).toMatchObject({ type: "pong", time: expect.any(String) });
    const party = await call(api, token, "GET", `/v1/parties/${String(created.body.partyId)}`);
    expect(resync).toEqual({ type: "resync", ticket: null, placement: null, party: party.body });
    expect(unknown).toMatchObject({ type: "error", error: { code: "UNKNOWN_ACTION" } });
    expect(malformed).toMatchObject({ type: "error", error: { code: "INVALID_JSON" } });
    expect(extra).toMatchObject({ type: "error", error: { code: "VALIDATION_FAILED" } });
    expect(stillOpen).toMatchObject({ type: "pong" });
  });
});

describe("players hear of their match by push", () => {
  it("8 players matchmake; each receives COMPLETED with their own player session; a ninth hears nothing", async () => {
    const players = Array.from({ length: 8 }, (_, i) => `push-${i}-${run}`);
    const tokens = await Promise.all(players.map((p) => tokenFor(api, p)));
    const sockets: RealtimeConnection[] = tokens.map((token) =>
      connectRealtime({ url: stage.endpoints.websocket, token, fallback: false }),
    );
    const bystanderToken = await tokenFor(api, `bystander-${run}`);
    const bystander = connectRealtime({ url: stage.endpoints.websocket, token: bystanderToken, fallback: false });
    const bystanderHeard: string[] = [];
    for (const type of ["ticket.updated", "placement.updated", "party.updated"] as const)
      bystander.on(type, (m) => bystanderHeard.push(m.type));
    await Promise.all([...sockets, bystander].map((s) => s.resync()));
    try {
      const clients = tokens.map((token) => createClient({ baseUrl: api, token }));
      const started = await Promise.all(clients.map((c) => c.startMatchmaking({})));
      const pushed = await Promise.all(
        started.map((s, i) => (sockets[i] as RealtimeConnection).watchTicket(s.ticketId, { timeoutMs: 60_000 })),
      );

      for (const t of pushed) expect(t.status).toBe("COMPLETED");
      const sessions = pushed.map((t) => t.connection?.playerSessionId);
      expect(new Set(sessions).size).toBe(8);
      for (const s of sessions) expect(s).toMatch(/^psess-/);
      // The pushed body is what the player's own GET returns (poll hint aside).
      const polled = await Promise.all(
        started.map((s, i) => (clients[i] as ReturnType<typeof createClient>).getTicket(s.ticketId)),
      );
      for (const [i, t] of pushed.entries()) {
        const { retryAfterMs: _a, ...pushedView } = t;
        const { retryAfterMs: _b, ...polledView } = polled[i] as Ticket;
        expect(pushedView).toEqual(polledView);
      }
      await stage.realtime.drained();
      expect(bystanderHeard).toEqual([]);
    } finally {
      await Promise.all([...sockets, bystander].map((s) => s.close()));
    }
  }, 90_000);

  it("a socket killed mid-match: the client polls meanwhile, reconnects, resyncs and completes", async () => {
    const players = Array.from({ length: 4 }, (_, i) => `kill-${i}-${run}`);
    const tokens = await Promise.all(players.map((p) => tokenFor(api, p)));
    const clients = tokens.map((token) => createClient({ baseUrl: api, token }));
    // The victim's reconnects fail (a closed port) until the gate opens, so the match must reach it by polling.
    let gateOpen = true;
    class GatedWebSocket extends WebSocket {
      public constructor(url: string) {
        super(gateOpen ? url : "ws://127.0.0.1:1/closed");
      }
    }
    const victim = connectRealtime({
      url: stage.endpoints.websocket,
      token: tokens[0] as string,
      api: clients[0],
      WebSocket: GatedWebSocket,
      reconnect: { minDelayMs: 100, maxDelayMs: 300 },
    });
    const others = tokens
      .slice(1)
      .map((token) => connectRealtime({ url: stage.endpoints.websocket, token, fallback: false }));
    await Promise.all([victim, ...others].map((s) => s.resync()));
    try {
      gateOpen = false;
      const closed = new Promise<void>((r) => victim.on("close", () => r()));
      await killConnectionsOf(players[0] as string);
      await closed;

      const started = await Promise.all(clients.map((c) => c.startMatchmaking({})));
      const sources: string[] = [];
      const victimTicket = await victim.watchTicket((started[0] as { ticketId: string }).ticketId, {
        timeoutMs: 60_000,
        onChange: (_t, source) => sources.push(source),
      });
      await Promise.all(
        others.map((s, i) => s.watchTicket((started[i + 1] as { ticketId: string }).ticketId, { timeoutMs: 60_000 })),
      );
      gateOpen = true;
      const reopened = new Promise<void>((r) => victim.on("open", () => r()));
      await reopened;
      const resynced = await victim.resync();

      expect(victimTicket.status).toBe("COMPLETED");
      expect(sources.at(-1)).toBe("poll");
      expect(victim.connected).toBe(true);
      expect(resynced.ticket).toMatchObject({
        ticketId: victimTicket.ticketId,
        status: "COMPLETED",
        version: victimTicket.version,
      });
      expect(resynced.ticket?.connection?.playerSessionId).toBe(victimTicket.connection?.playerSessionId);
    } finally {
      await Promise.all([victim, ...others].map((s) => s.close()));
    }
  }, 90_000);
});

describe("outbound match events", () => {
  it("publishes one TicketCompleted per ticket with filterable attributes, whatever GameLift repeats", async () => {
    const completed = (ticketId: string) =>
      matchEvents.filter(
        (m) => m.event.type === "TicketCompleted" && "ticketId" in m.event && m.event.ticketId === ticketId,
      );
    const players = Array.from({ length: 4 }, (_, i) => `events-${i}-${run}`);
    const tokens = await Promise.all(players.map((p) => tokenFor(api, p)));
    const clients = tokens.map((token) => createClient({ baseUrl: api, token }));
    const pushed: string[] = [];
    const sockets = await Promise.all(
      tokens.map(async (token) => {
        const ws = new WebSocket(`${stage.endpoints.websocket}?token=${encodeURIComponent(token)}`);
        ws.on("message", (d) => {
          const m = JSON.parse(String(d)) as {
            type: string;
            ticket?: { ticketId: string; version: number; status: string };
          };
          if (m.type === "ticket.updated" && m.ticket)
            pushed.push(`${m.ticket.ticketId}:${m.ticket.version}:${m.ticket.status}`);
          if (m.type === "pong") ws.emit("pong-frame");
        });
        await new Promise((r, j) => {
          ws.on("open", r);
          ws.on("error", j);
        });
        return ws;
      }),
    );
    // GameLift sends every notification twice (the emulator's knob: the MatchEvents topic itself is not doubled).
    await fetch(`${stage.endpoints.gamelift}/local/faults`, { method: "PUT", body: JSON.stringify({ duplicate: 1 }) });
    try {
      const started = await Promise.all(clients.map((c) => c.startMatchmaking({})));
      await Promise.all(
        started.map((s, i) =>
          (clients[i] as ReturnType<typeof createClient>).waitForTicket(s.ticketId, { timeoutMs: 60_000 }),
        ),
      );
      await matchEventsSettled();

      for (const s of started) {
        const events = completed(s.ticketId);
        expect(events).toHaveLength(1);
        expect(events[0]?.attributes["type"]).toEqual({ Type: "String", Value: "TicketCompleted" });
        expect(events[0]?.attributes["configurationName"]?.Value).toBe(stage.endpoints.matchmaking.configurationName);
      }
      const ids = matchEvents.map((m) => m.event.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Frames on a socket arrive in order: once a pong is back, every earlier push has arrived.
      await Promise.all(
        sockets.map(
          (ws) =>
            new Promise((r) => {
              ws.once("pong-frame", r);
              ws.send(JSON.stringify({ action: "ping" }));
            }),
        ),
      );
      // Each player heard each version of their ticket once, COMPLETED included.
      expect(new Set(pushed).size).toBe(pushed.length);
      expect(pushed.filter((p) => p.endsWith(":COMPLETED"))).toHaveLength(4);
    } finally {
      for (const ws of sockets) ws.close();
      await fetch(`${stage.endpoints.gamelift}/local/faults`, {
        method: "PUT",
        body: JSON.stringify({ duplicate: 0 }),
      });
    }
  }, 90_000);
});

/** The player's connection records in the table. */
async function connectionsOf(playerId: string): Promise<PlayerConnection[]> {
  const ddb = new DynamoDBClient({
    endpoint: stage.endpoints.dynamodb,
    region: stage.endpoints.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    return await new ConnectionRepository({
      client: createDocumentClient({ client: ddb }),
      tableName: stage.endpoints.tableName,
    }).listForPlayer(playerId, Date.now());
  } finally {
    ddb.destroy();
  }
}

/** Closes every open connection of a player through the `@connections` API (DeleteConnection), as API Gateway drops a lost client. */
async function killConnectionsOf(playerId: string): Promise<void> {
  const notifier = new ConnectionNotifier({
    endpoint: (JSON.parse(process.env["SST_RESOURCE_Realtime"] ?? "{}") as { managementEndpoint: string })
      .managementEndpoint,
  });
  for (const c of await connectionsOf(playerId)) await notifier.close(c.connectionId);
}
