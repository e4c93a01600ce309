import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let getMe: typeof import("../../src/players/getMe.js").handler;

beforeAll(async () => {
  // DynamoDB unreachable for the handlers: nothing listens on port 1.
  stage = await startStage({ dynamodbEndpoint: "http://127.0.0.1:1" });
  ({ handler: getMe } = await import("../../src/players/getMe.js"));
});
afterAll(async () => stage.close());

describe("DynamoDB down", () => {
  it("answers 503 with Retry-After instead of 500", async () => {
    const reply = await invoke(getMe, apiEvent({ method: "GET", path: "/v1/players/me", sub: "someone" }));

    expect(reply.status).toBe(503);
    expect(reply.headers["retry-after"]).toBeDefined();
  });
});
