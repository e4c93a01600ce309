import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStage } from "@matchplace/local";
import { createClient, type MatchplaceClient } from "@matchplace/client";
import { call, startTestStage, tokenFor } from "../support/stage.js";

describe("the local stage makes a match end to end", () => {
  let stage: LocalStage;
  let api: string;

  beforeAll(async () => {
    stage = await startTestStage();
    api = stage.endpoints.api;
  }, 120_000);

  afterAll(async () => {
    await stage?.stop();
  });

  it("answers health without a token", async () => {
    const res = await call(api, undefined, "GET", "/v1/health");
    expect(res.status).toBe(200);
  });

  it("refuses matchmaking without a valid token", async () => {
    expect((await call(api, undefined, "POST", "/v1/matchmaking", {})).status).toBe(401);
    expect((await call(api, "not-a-jwt", "POST", "/v1/matchmaking", {})).status).toBe(401);
  });

  it("matches four players into one game session and gives each their own connection", async () => {
    const players = ["ana", "bo", "cy", "dee"].map((p) => `${p}-${Date.now().toString(36)}`);
    const tokens = await Promise.all(players.map((p) => tokenFor(api, p)));
    const clients = tokens.map((token) => createClient({ baseUrl: api, token }));
    const started = await Promise.all(clients.map((c) => c.startMatchmaking({})));
    for (const s of started) expect(s.ticketId).toEqual(expect.any(String));

    const views = await Promise.all(
      started.map((s, i) => (clients[i] as MatchplaceClient).waitForTicket(s.ticketId, { timeoutMs: 60_000 })),
    );
    for (const v of views) expect(v.status).toBe("COMPLETED");
    // two teams of two, as the arena-2v2 rule set says
    const teams = views.map((v) => v.match?.team);
    expect(teams.filter((t) => t === "red")).toHaveLength(2);
    expect(teams.filter((t) => t === "blue")).toHaveLength(2);
    const connections = views.map((v) => v.connection as Record<string, unknown>);
    for (const c of connections) {
      expect(c.ipAddress).toMatch(/^[0-9a-fA-F:.]+$/);
      expect(typeof c.port).toBe("number");
      expect(String(c.dnsName)).not.toBe("");
      expect(String(c.playerSessionId)).toMatch(/^psess-/);
    }
    // one game session for all four, one player session each
    expect(new Set(connections.map((c) => `${String(c.ipAddress)}:${String(c.port)}`)).size).toBe(1);
    expect(new Set(connections.map((c) => c.playerSessionId)).size).toBe(4);
  }, 90_000);

  it("hides a ticket from a player who is not on it", async () => {
    const [alice, mallory] = await Promise.all([
      tokenFor(api, `alice-${Date.now()}`),
      tokenFor(api, `mallory-${Date.now()}`),
    ]);
    const started = await call(api, alice, "POST", "/v1/matchmaking", {});
    expect(started.status).toBe(202);
    const peek = await call(api, mallory, "GET", `/v1/matchmaking/${String(started.body.ticketId)}`);
    expect(peek.status).toBe(404);
    expect(peek.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it("answers 429 with Retry-After while GameLift throttles, and recovers when it stops", async () => {
    const setFaults = (faults: Record<string, number>) =>
      fetch(`${stage.endpoints.gamelift}/local/faults`, { method: "PUT", body: JSON.stringify(faults) });
    const token = await tokenFor(api, `throttled-${Date.now()}`);
    expect((await setFaults({ throttle: 1 })).status).toBe(200);
    try {
      const refused = await call(api, token, "POST", "/v1/matchmaking", {});
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body).toMatchObject({ error: { code: "THROTTLED" } });
    } finally {
      await setFaults({ throttle: 0 });
    }
    const accepted = await call(api, token, "POST", "/v1/matchmaking", {});
    expect(accepted.status).toBe(202);
  }, 60_000);
});
