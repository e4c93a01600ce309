import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;
let getMe: typeof import("../../src/players/getMe.js").handler;
let patchMe: typeof import("../../src/players/patchMe.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: getMe } = await import("../../src/players/getMe.js"));
  ({ handler: patchMe } = await import("../../src/players/patchMe.js"));
});
afterAll(async () => stage.close());

const post = (sub: string, body: unknown, headers: Record<string, string> = {}) =>
  invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub, body, headers }));

describe("request decoding (table-driven)", () => {
  const cases: {
    name: string;
    body: unknown;
    headers?: Record<string, string>;
    status: number;
    code: string;
    field?: string;
  }[] = [
    {
      name: "malformed JSON",
      body: "{not json",
      headers: { "content-type": "application/json" },
      status: 400,
      code: "INVALID_JSON",
    },
    {
      name: "a non-JSON content type",
      body: "mode=ranked",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    },
    {
      name: "a body over 16 KiB",
      body: { latencyInMs: { "us-east-1": 1 }, pad: "x".repeat(17_000) },
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
    },
    { name: "a JSON array", body: [1, 2], status: 400, code: "VALIDATION_FAILED", field: "body" },
    {
      name: "a null body",
      body: "null",
      headers: { "content-type": "application/json" },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body",
    },
    {
      name: "a __proto__ key",
      body: '{"latencyInMs":{"__proto__":{"us-east-1":5}}}',
      headers: { "content-type": "application/json" },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body.latencyInMs.__proto__",
    },
    {
      name: "an unknown configuration",
      body: { configuration: "nope" },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body.configuration",
    },
    {
      name: "a latency for a non-region",
      body: { latencyInMs: { mars: 10 } },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body.latencyInMs.mars",
    },
    {
      name: "a negative latency",
      body: { latencyInMs: { "us-east-1": -5 } },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body.latencyInMs.us-east-1",
    },
    {
      name: "a wrongly typed mode",
      body: { attributes: { mode: "ranked" } },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body.attributes.mode",
    },
    {
      name: "an unknown top-level field",
      body: { players: ["x"] },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "body.players",
    },
    {
      name: "a bad Idempotency-Key",
      body: {},
      headers: { "idempotency-key": "has spaces in it" },
      status: 400,
      code: "VALIDATION_FAILED",
      field: "headers.idempotency-key",
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} with ${c.status} ${c.code} and writes nothing`, async () => {
      const before = await stage.items();

      const reply = await post("decoder", c.body, c.headers);

      expect(reply.status).toBe(c.status);
      expect(reply.body).toMatchObject({ error: { code: c.code } });
      if (c.field)
        expect((reply.body as { error: { message: string } }).error.message.startsWith(`${c.field}:`)).toBe(true);
      expect(await stage.items()).toEqual(before);
    });
  }

  it("accepts a base64-encoded JSON body", async () => {
    const event = apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "b64", body: {} });
    const reply = await invoke(start, { ...event, body: Buffer.from("{}").toString("base64"), isBase64Encoded: true });
    expect(reply.status).toBe(202);
  });

  it("reads headers whatever their case (Content-Type, Idempotency-Key)", async () => {
    const event = apiEvent({
      method: "POST",
      path: "/v1/matchmaking",
      sub: "casing",
      body: "{}",
      headers: { "Content-Type": "application/json", "Idempotency-Key": "Case-1" },
    });
    const first = await invoke(start, event);
    const again = await invoke(
      start,
      apiEvent({
        method: "POST",
        path: "/v1/matchmaking",
        sub: "casing",
        body: "{}",
        headers: { "CONTENT-TYPE": "application/json", "idempotency-key": "Case-1" },
      }),
    );
    expect(first.status).toBe(202);
    expect(again.body).toEqual(first.body);
  });

  it("refuses a sub that cannot be a player id with 401", async () => {
    const reply = await post("has spaces", {});
    expect(reply.status).toBe(401);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body", async () => {
    const first = await post("idem-1", { attributes: { mode: ["ranked"] } }, { "idempotency-key": "k-1" });
    const again = await post("idem-1", { attributes: { mode: ["ranked"] } }, { "idempotency-key": "k-1" });

    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers["idempotent-replayed"]).toBe("true");
  });

  it("answers 422 for the same key with another body", async () => {
    await post("idem-2", {}, { "idempotency-key": "k-2" });
    const other = await post("idem-2", { latencyInMs: { "us-east-1": 10 } }, { "idempotency-key": "k-2" });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
  });

  it("keeps keys per player: another player's same key is a new request", async () => {
    const a = await post("idem-3a", {}, { "idempotency-key": "shared" });
    const b = await post("idem-3b", {}, { "idempotency-key": "shared" });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect((b.body as { ticketId: string }).ticketId).not.toBe((a.body as { ticketId: string }).ticketId);
  });

  it("releases the key when the request fails, so a retry runs again", async () => {
    await post("idem-4", {});
    const conflict = await post("idem-4", {}, { "idempotency-key": "k-4" });
    const retry = await post("idem-4", {}, { "idempotency-key": "k-4" });
    expect(conflict.status).toBe(409);
    expect(retry.status).toBe(409);
    expect(retry.headers["idempotent-replayed"]).toBeUndefined();
  });
});

describe("players", () => {
  it("creates the profile with server-side defaults on first sight", async () => {
    const reply = await invoke(getMe, apiEvent({ method: "GET", path: "/v1/players/me", sub: "fresh" }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ playerId: "fresh", skill: 1000, preferences: {} });
  });

  it("stores client-settable preferences and uses them when matchmaking", async () => {
    const patched = await invoke(
      patchMe,
      apiEvent({ method: "PATCH", path: "/v1/players/me", sub: "prefs", body: { preferences: { mode: ["casual"] } } }),
    );
    expect(patched.body).toMatchObject({ preferences: { mode: ["casual"] }, skill: 1000 });
  });

  it("refuses skill in preferences with 400 naming the field, leaving the profile as it was", async () => {
    await invoke(getMe, apiEvent({ method: "GET", path: "/v1/players/me", sub: "cheater" }));
    const reply = await invoke(
      patchMe,
      apiEvent({ method: "PATCH", path: "/v1/players/me", sub: "cheater", body: { preferences: { skill: 9999 } } }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { message: expect.stringContaining("body.preferences.skill") } });
    expect(
      (await invoke(getMe, apiEvent({ method: "GET", path: "/v1/players/me", sub: "cheater" }))).body,
    ).toMatchObject({ skill: 1000 });
  });
});
