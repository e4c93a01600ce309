/**
 * Dependency faults at the handler level. GameLift throttling is produced by the real emulator over
 * HTTP (an operation override answering ThrottlingException), not by mocking the SDK.
 */
import { GameLiftError } from "@matchplace/gamelift-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;
let getMe: typeof import("../../src/players/getMe.js").handler;
let createParty: typeof import("../../src/parties/create.js").handler;
let startPlacement: typeof import("../../src/placements/start.js").handler;
const throttled = (): never => {
  throw new GameLiftError("ThrottlingException", "Rate exceeded");
};

beforeAll(async () => {
  stage = await startStage({ extraOperations: { StartMatchmaking: throttled, StartGameSessionPlacement: throttled } });
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: getMe } = await import("../../src/players/getMe.js"));
  ({ handler: createParty } = await import("../../src/parties/create.js"));
  ({ handler: startPlacement } = await import("../../src/placements/start.js"));
});
afterAll(async () => stage.close());

describe("GameLift throttling", () => {
  it("answers 429 with Retry-After and releases the player's lock", async () => {
    const reply = await invoke(
      start,
      apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "throttled", body: {} }),
    );

    expect(reply.status).toBe(429);
    expect(reply.body).toMatchObject({ error: { code: "THROTTLED" } });
    expect(Number(reply.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    const me = await invoke(getMe, apiEvent({ method: "GET", path: "/v1/players/me", sub: "throttled" }));
    expect(me.body).not.toHaveProperty("activeTicketId");
  });
});

describe("GameLift throttling a placement", () => {
  it("answers 429 with Retry-After", async () => {
    const reply = await invoke(
      startPlacement,
      apiEvent({ method: "POST", path: "/v1/placements", sub: "throttled-pl", body: { maximumPlayerSessionCount: 2 } }),
    );
    expect(reply.status).toBe(429);
    expect(reply.headers["retry-after"]).toBeDefined();
  });
});

describe("per-player rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a player exceeds its write budget", async () => {
    // 70 writes in well under 10 s: whatever the window boundaries, one window sees more than 30.
    const replies = [];
    for (let batch = 0; batch < 7; batch += 1) {
      const party = () =>
        invoke(createParty, apiEvent({ method: "POST", path: "/v1/parties", sub: "hammer", body: {} }));
      replies.push(...(await Promise.all(Array.from({ length: 10 }, party))));
    }

    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect(Number(limited[0]?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.status < 500)).toBe(true);
  });
});
