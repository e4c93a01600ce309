/**
 * The typed client from @matchplace/client against the real handlers: a fetch that plays API
 * Gateway (route match by the route table, payload format 2.0, the bearer token taken as `sub`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ApiError, createClient } from "@matchplace/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../src/routes.js";
import { apiEvent, type invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

type Handler = Parameters<typeof invoke>[0];

let stage: Stage;
const table: { method: string; pattern: RegExp; names: string[]; path: string; auth: boolean; handler: Handler }[] = [];
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

beforeAll(async () => {
  stage = await startStage();
  // The player API only: game-server (IAM) routes are not part of the client.
  for (const r of routes.filter((route) => route.auth !== "iam")) {
    const dot = r.handler.lastIndexOf(".");
    const mod = (await import(`${repoRoot}${r.handler.slice(0, dot)}.ts`)) as Record<string, Handler>;
    const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
    const pattern = new RegExp(`^${r.path.replace(/\{\w+\}/g, "([^/]+)")}$`);
    table.push({
      method: r.method,
      pattern,
      names,
      path: r.path,
      auth: r.auth === "jwt",
      handler: mod[r.handler.slice(dot + 1)] as Handler,
    });
  }
  // Literal paths first, as API Gateway prefers them over {param} routes.
  table.sort((a, b) => a.names.length - b.names.length);
});
afterAll(async () => stage.close());

const gatewayFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const method = init?.method ?? "GET";
  const headers = Object.fromEntries(
    Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const route = table.find((r) => r.method === method && r.pattern.test(url.pathname));
  if (!route) return new Response(JSON.stringify({ message: "Not Found" }), { status: 404 });
  const values = route.pattern.exec(url.pathname)?.slice(1) ?? [];
  const sub = route.auth ? (headers["authorization"]?.replace(/^Bearer /, "") ?? null) : null;
  const event = apiEvent({
    method,
    path: url.pathname,
    route: route.path,
    sub,
    headers,
    ...(route.names.length
      ? { pathParameters: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i] ?? "")])) }
      : {}),
  });
  const out = (await route.handler(
    { ...event, ...(init?.body ? { body: String(init.body) } : {}) } as never,
    {} as never,
  )) as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
  };
  return new Response(out.statusCode === 204 || out.statusCode === 304 ? null : (out.body ?? null), {
    status: out.statusCode,
    headers: out.headers,
  });
};

const clientFor = (player: string) =>
  createClient({ baseUrl: "https://api.example.com/", token: player, fetch: gatewayFetch });

describe("@matchplace/client against the handlers", () => {
  it("covers health, the OpenAPI document and the profile", async () => {
    const api = clientFor("cl-a");
    expect(await api.health()).toMatchObject({
      status: "ok",
      checks: { dynamodb: { status: "ok" }, gamelift: { status: "ok" } },
    });
    // Served for the linked catalog (infra/gamelift's): the committed document.
    expect(await api.openapi()).toEqual(
      JSON.parse(readFileSync(`${repoRoot}packages/client/openapi.json`, "utf8")) as Record<string, unknown>,
    );
    expect(await api.getMe()).toMatchObject({ playerId: "cl-a", skill: 1000 });
    expect(await api.updateMe({ preferences: { mode: ["casual"] } })).toMatchObject({
      preferences: { mode: ["casual"] },
    });
  });

  it("drives a party to a completed match and reads each player's connection", async () => {
    await stage.advance(30_000, 1000);
    const [a, b, c, d] = ["cl-p1", "cl-p2", "cl-p3", "cl-p4"].map(clientFor) as [
      ReturnType<typeof clientFor>,
      ReturnType<typeof clientFor>,
      ReturnType<typeof clientFor>,
      ReturnType<typeof clientFor>,
    ];
    const party = await a.createParty();
    await b.joinParty(party.code);
    expect((await b.getParty(party.partyId)).memberIds).toEqual(["cl-p1", "cl-p2"]);

    const started = await a.startMatchmaking({}, { idempotencyKey: "first-try" });
    const replayed = await a.startMatchmaking({}, { idempotencyKey: "first-try" });
    expect(replayed).toEqual(started);
    const others = await Promise.all([c.startMatchmaking(), d.startMatchmaking()]);
    expect(others).toHaveLength(2);

    const firstLook = await b.getTicketIfChanged(started.ticketId);
    expect(firstLook.notModified).toBe(false);
    expect((await b.getTicketIfChanged(started.ticketId, firstLook.etag)).notModified).toBe(true);

    await stage.advance(20_000, 500);
    const ticket = await b.getCurrentTicket();
    expect(ticket).toMatchObject({
      ticketId: started.ticketId,
      status: "COMPLETED",
      connection: { playerSessionId: expect.stringMatching(/^psess-/) },
    });
    await b.leaveParty(party.partyId);
  });

  it("throws ApiError with the envelope's code and status", async () => {
    const api = clientFor("cl-e");
    const err = await api.getTicket("does-not-exist").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND" });
    await expect(api.joinParty("lower")).rejects.toMatchObject({ status: 400, code: "VALIDATION_FAILED" });
  });

  it("starts, polls and cancels a placement", async () => {
    const api = clientFor("cl-pl");
    const { placementId } = await api.startPlacement({ maximumPlayerSessionCount: 2 });
    expect((await api.getPlacement(placementId)).status).toBe("PENDING");
    await api.stopPlacement(placementId);
    await stage.advance(1000, 500);
    expect((await api.getPlacement(placementId)).status).toBe("CANCELLED");
  });

  it("waits for a ticket with waitForTicket until it ends", async () => {
    const api = clientFor("cl-w");
    const { ticketId } = await api.startMatchmaking();
    await api.stopMatchmaking(ticketId);
    await stage.advance(1000, 500);
    const ended = await api.waitForTicket(ticketId, { timeoutMs: 5000 });
    expect(ended.status).toBe("CANCELLED");
    expect(ended.retryAfterMs).toBe(0);
  });
});
