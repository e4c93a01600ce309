import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;

beforeAll(async () => {
  // GameLift unreachable: nothing listens on port 1.
  stage = await startStage({ gameliftEndpoint: "http://127.0.0.1:1" });
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
});
afterAll(async () => stage.close());

describe("GameLift down", () => {
  it("answers 503 with Retry-After and releases the player's lock", async () => {
    const reply = await invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "unlucky", body: {} }));

    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ error: { code: "UNAVAILABLE" } });
    expect(Number(reply.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    const player = (await stage.items()).find((i) => i["pk"] === "PLAYER#unlucky");
    expect(player).not.toHaveProperty("activeTicketId");
  });
});
