import { DescribeGameSessionPlacementCommand } from "@aws-sdk/client-gamelift";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke, type Reply } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let stage: Stage;
let start: typeof import("../../src/placements/start.js").handler;
let get: typeof import("../../src/placements/get.js").handler;
let stop: typeof import("../../src/placements/stop.js").handler;
let createParty: typeof import("../../src/parties/create.js").handler;
let joinParty: typeof import("../../src/parties/join.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: start } = await import("../../src/placements/start.js"));
  ({ handler: get } = await import("../../src/placements/get.js"));
  ({ handler: stop } = await import("../../src/placements/stop.js"));
  ({ handler: createParty } = await import("../../src/parties/create.js"));
  ({ handler: joinParty } = await import("../../src/parties/join.js"));
});
afterAll(async () => stage.close());

const startAs = (sub: string, body: unknown): Promise<Reply> =>
  invoke(start, apiEvent({ method: "POST", path: "/v1/placements", sub, body }));
const byId = (
  method: string,
  sub: string,
  placementId: string,
  handler: typeof get,
  headers: Record<string, string> = {},
): Promise<Reply> =>
  invoke(
    handler,
    apiEvent({
      method,
      path: `/v1/placements/${placementId}`,
      route: "/v1/placements/{placementId}",
      pathParameters: { placementId },
      sub,
      headers,
    }),
  );

describe("POST /v1/placements", () => {
  it("places a session under a server-generated id with a player session for the caller", async () => {
    const reply = await startAs("pl-a", {
      maximumPlayerSessionCount: 4,
      gameSessionName: "duel",
      gameProperties: { mode: "arena" },
      latencyInMs: { "us-east-1": 30 },
    });

    expect(reply.status).toBe(202);
    const { placementId, status } = reply.body as { placementId: string; status: string };
    expect(status).toBe("PENDING");
    const described = await stage.gamelift.send(new DescribeGameSessionPlacementCommand({ PlacementId: placementId }));
    expect(described.GameSessionPlacement).toMatchObject({
      GameSessionQueueName: "arena",
      MaximumPlayerSessionCount: 4,
      GameProperties: [{ Key: "mode", Value: "arena" }],
      PlayerLatencies: [{ PlayerId: "pl-a", RegionIdentifier: "us-east-1", LatencyInMilliseconds: 30 }],
    });
  });

  it("refuses a game property the queue does not allow with 400 naming it, writing nothing", async () => {
    const before = await stage.stateItems();

    const reply = await startAs("pl-b", { maximumPlayerSessionCount: 2, gameProperties: { cheats: "on" } });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { message: expect.stringContaining("body.gameProperties.cheats") } });
    expect(await stage.stateItems()).toEqual(before);
  });

  it("places the whole party when the leader asks, each member seeing only its own session", async () => {
    const party = (
      await invoke(createParty, apiEvent({ method: "POST", path: "/v1/parties", sub: "pl-lead", body: {} }))
    ).body as { code: string };
    await invoke(
      joinParty,
      apiEvent({ method: "POST", path: "/v1/parties/join", sub: "pl-mate", body: { code: party.code } }),
    );
    await stage.advance(30_000, 1000); // fleet activation

    const { placementId } = (await startAs("pl-lead", { maximumPlayerSessionCount: 4 })).body as {
      placementId: string;
    };
    await stage.advance(5000, 500);

    const lead = (await byId("GET", "pl-lead", placementId, get)).body as {
      status: string;
      connection?: { playerSessionId: string };
    };
    const mate = (await byId("GET", "pl-mate", placementId, get)).body as {
      status: string;
      connection?: { playerSessionId: string };
    };
    expect(lead.status).toBe("FULFILLED");
    expect(lead.connection?.playerSessionId).toMatch(/^psess-/);
    expect(mate.connection?.playerSessionId).toMatch(/^psess-/);
    expect(lead.connection?.playerSessionId).not.toBe(mate.connection?.playerSessionId);
    expect((await byId("GET", "pl-stranger", placementId, get)).status).toBe(404);
  });

  it("refuses fewer player slots than the party has members", async () => {
    const party = (
      await invoke(createParty, apiEvent({ method: "POST", path: "/v1/parties", sub: "pl-lead2", body: {} }))
    ).body as { code: string };
    await invoke(
      joinParty,
      apiEvent({ method: "POST", path: "/v1/parties/join", sub: "pl-mate2", body: { code: party.code } }),
    );

    const reply = await startAs("pl-lead2", { maximumPlayerSessionCount: 1 });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { message: expect.stringContaining("body.maximumPlayerSessionCount") } });
  });
});

describe("GET and DELETE /v1/placements/{placementId}", () => {
  it("answers 304 to If-None-Match with the current ETag", async () => {
    const { placementId } = (await startAs("pl-c", { maximumPlayerSessionCount: 2 })).body as { placementId: string };
    const first = await byId("GET", "pl-c", placementId, get);

    const again = await byId("GET", "pl-c", placementId, get, { "if-none-match": first.headers["etag"] ?? "" });

    expect(first.status).toBe(200);
    expect(again.status).toBe(304);
  });

  it("lets only the placement's players cancel it; repeating is harmless; a fulfilled one answers 204 without a call", async () => {
    const { placementId } = (await startAs("pl-d", { maximumPlayerSessionCount: 2 })).body as { placementId: string };

    expect((await byId("DELETE", "pl-e", placementId, stop)).status).toBe(404);
    expect((await byId("DELETE", "pl-d", placementId, stop)).status).toBe(204);
    await stage.advance(1000, 500);
    expect((await byId("GET", "pl-d", placementId, get)).body).toMatchObject({ status: "CANCELLED" });
    expect((await byId("DELETE", "pl-d", placementId, stop)).status).toBe(204);
  });
});

describe("per-player placement quota", () => {
  it("lets one token hold one live placement: of 8 parallel starts exactly one is accepted, the rest 409 PLACEMENT_QUOTA_EXCEEDED", async () => {
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => startAs("pl-hog", { maximumPlayerSessionCount: 2 })),
    );

    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 202)) {
      // The per-player rate limit may answer first (429); never anything else.
      expect([409, 429]).toContain(r.status);
      if (r.status === 409)
        expect(r.body).toMatchObject({ error: { code: "PLACEMENT_QUOTA_EXCEEDED", message: expect.any(String) } });
    }
    expect(statuses).toContain(409);
  });

  it("frees the slot once the placement has ended, so the player can place again", async () => {
    const first = await startAs("pl-again", { maximumPlayerSessionCount: 2 });
    const { placementId } = first.body as { placementId: string };
    expect((await startAs("pl-again", { maximumPlayerSessionCount: 2 })).status).toBe(409);

    expect((await byId("DELETE", "pl-again", placementId, stop)).status).toBe(204);
    await stage.advance(1000, 500);

    expect((await startAs("pl-again", { maximumPlayerSessionCount: 2 })).status).toBe(202);
  });
});

describe("input hygiene on POST /v1/placements (nothing reaches GameLift)", () => {
  const raw = (sub: string, text: string): Promise<Reply> =>
    invoke(
      start,
      apiEvent({
        method: "POST",
        path: "/v1/placements",
        sub,
        body: text,
        headers: { "content-type": "application/json" },
      }),
    );
  it.each([
    [
      "a __proto__ game property (once silently dropped)",
      '{"maximumPlayerSessionCount":2,"gameProperties":{"__proto__":"x"}}',
      "body.gameProperties.__proto__",
    ],
    [
      "a constructor game property",
      '{"maximumPlayerSessionCount":2,"gameProperties":{"constructor":"x"}}',
      "body.gameProperties.constructor",
    ],
    [
      "a NUL in the session name",
      '{"maximumPlayerSessionCount":2,"gameSessionName":"duel\\u0000room"}',
      "body.gameSessionName",
    ],
    [
      "a lone surrogate in the session name",
      '{"maximumPlayerSessionCount":2,"gameSessionName":"duel\\ud800"}',
      "body.gameSessionName",
    ],
    [
      "a lone surrogate in a game property value",
      '{"maximumPlayerSessionCount":2,"gameProperties":{"mode":"\\udc00"}}',
      "body.gameProperties.mode",
    ],
    ["a null body", "null", "body"],
  ])("refuses %s with 400 naming the field, writing nothing", async (_name, text, field) => {
    const before = await stage.stateItems();

    const reply = await raw("pl-hygiene", text);

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    expect((reply.body as { error: { message: string } }).error.message.startsWith(`${field}:`)).toBe(true);
    expect(await stage.stateItems()).toEqual(before);
  });
});
