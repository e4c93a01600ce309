import { describe, expect, it } from "vitest";
import { handler } from "../../src/health/get.js";
import { apiEvent, invoke } from "./events.js";

describe("GET /v1/health", () => {
  it("answers 200 without any authorizer context", async () => {
    const reply = await invoke(handler, apiEvent({ method: "GET", path: "/v1/health", sub: null }));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ok" });
  });
});
