/**
 * What an HTTP route writes to its logs and metrics: API Gateway's request id as the Powertools
 * correlation id on every line of the request, and EMF metrics (latency, 4xx/5xx by route, cold start).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";
import { captureOutput, jsonLines } from "../support/captureOutput.js";

let stage: Stage;
let getTicket: typeof import("../../src/matchmaking/get.js").handler;
let start: typeof import("../../src/matchmaking/start.js").handler;

beforeAll(async () => {
  stage = await startStage();
  process.env["POWERTOOLS_LOG_LEVEL"] = "INFO";
  process.env["POWERTOOLS_METRICS_DISABLED"] = "false";
  ({ handler: getTicket } = await import("../../src/matchmaking/get.js"));
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
});
afterAll(async () => stage.close());
afterEach(() => {
  vi.restoreAllMocks();
});

describe("HTTP route observability", () => {
  it("puts API Gateway's request id on every log line of the request", async () => {
    const event = apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "obs-1", body: {} });
    const output = captureOutput();
    const reply = await invoke(start, event);
    vi.restoreAllMocks();

    expect(reply.status).toBe(202);
    const logs = jsonLines(output).filter((l) => "level" in l);
    expect(logs.some((l) => l["message"] === "matchmaking started")).toBe(true);
    for (const l of logs) expect(l["correlation_id"], JSON.stringify(l)).toBe(event.requestContext.requestId);
  });

  it("emits latency and 4xx/5xx counts with the route as dimension, and the cold start once", async () => {
    const output = captureOutput();
    const missing = await invoke(
      getTicket,
      apiEvent({
        method: "GET",
        path: "/v1/matchmaking/nope",
        route: "/v1/matchmaking/{ticketId}",
        pathParameters: { ticketId: "nope" },
        sub: "obs-2",
      }),
    );
    await invoke(
      getTicket,
      apiEvent({
        method: "GET",
        path: "/v1/matchmaking/nope",
        route: "/v1/matchmaking/{ticketId}",
        pathParameters: { ticketId: "nope" },
        sub: "obs-2",
      }),
    );
    vi.restoreAllMocks();

    expect(missing.status).toBe(404);
    const emf = jsonLines(output).filter((l) => "_aws" in l);
    const routeLines = emf.filter((l) => l["route"] === "GET /v1/matchmaking/{ticketId}");
    expect(routeLines).toHaveLength(2);
    for (const l of routeLines) {
      expect(l).toMatchObject({ Http4xx: 1, Http5xx: 0, service: "matchplace-api" });
      expect(typeof l["Latency"]).toBe("number");
    }
    expect(emf.filter((l) => "ColdStart" in l).length).toBeLessThanOrEqual(1);
  });
});
