import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let handler: typeof import("../../src/health/get.js").handler;
let stage: Stage;
const get = () => invoke(handler, apiEvent({ method: "GET", path: "/v1/health", sub: null }));

beforeAll(async () => {
  stage = await startStage();
  ({ handler } = await import("../../src/health/get.js"));
});
afterAll(async () => stage.close());

describe("GET /v1/health checks its dependencies", () => {
  it("answers 200 without any authorizer context when DynamoDB and GameLift answer, reporting each", async () => {
    const reply = await get();

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status: "ok",
      checks: { dynamodb: { status: "ok" }, gamelift: { status: "ok" } },
    });
  });

  it("answers 503 with Retry-After (never 500) naming the dependency that does not answer", async () => {
    stage.emulator.faults.set({ throttle: 1 });
    try {
      const reply = await get();

      expect(reply.status).toBe(503);
      expect(reply.headers["retry-after"]).toBeDefined();
      expect(reply.body).toMatchObject({
        status: "degraded",
        checks: { dynamodb: { status: "ok" }, gamelift: { status: "error", error: "ThrottledError" } },
      });
    } finally {
      stage.emulator.faults.set({ throttle: 0 });
    }
  });
});
