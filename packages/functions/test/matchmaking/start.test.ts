import { DescribeMatchmakingCommand } from "@aws-sdk/client-gamelift";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;
let get: typeof import("../../src/matchmaking/get.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: get } = await import("../../src/matchmaking/get.js"));
});
afterAll(async () => stage.close());

const startAs = (sub: string | null, body: unknown = {}, headers: Record<string, string> = {}) =>
  invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub, body, headers }));
const getAs = (sub: string, ticketId: string, headers: Record<string, string> = {}) =>
  invoke(
    get,
    apiEvent({
      method: "GET",
      path: `/v1/matchmaking/${ticketId}`,
      route: "/v1/matchmaking/{ticketId}",
      pathParameters: { ticketId },
      sub,
      headers,
    }),
  );

describe("POST /v1/matchmaking", () => {
  it("stores the ticket under a server-generated id, starts it in GameLift and answers 202", async () => {
    const reply = await startAs("solo-1", { latencyInMs: { "us-east-1": 40 }, attributes: { mode: ["casual"] } });

    expect(reply.status).toBe(202);
    const body = reply.body as { ticketId: string; status: string; retryAfterMs: number };
    expect(body.status).toBe("QUEUED");
    expect(body.retryAfterMs).toBeGreaterThan(0);
    expect(reply.headers["location"]).toBe(`/v1/matchmaking/${body.ticketId}`);
    const stored = await stage.tickets.get(body.ticketId);
    expect(stored?.playerIds).toEqual(["solo-1"]);
    const described = await stage.gamelift.send(new DescribeMatchmakingCommand({ TicketIds: [body.ticketId] }));
    const player = described.TicketList?.[0]?.Players?.[0];
    expect(player?.PlayerId).toBe("solo-1");
    expect(player?.PlayerAttributes?.["skill"]).toEqual({ N: 1000 });
    expect(player?.PlayerAttributes?.["mode"]).toEqual({ SL: ["casual"] });
    expect(player?.LatencyInMs).toEqual({ "us-east-1": 40 });
  });

  it("refuses a second start by the same player with 409 naming the active ticket", async () => {
    const first = (await startAs("solo-2")).body as { ticketId: string };

    const second = await startAs("solo-2");

    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      error: { code: "ACTIVE_TICKET_EXISTS", details: { ticketId: first.ticketId } },
    });
  });

  it("refuses server-side attributes such as skill from the body with 400 naming the field", async () => {
    const reply = await startAs("solo-3", { attributes: { skill: 5000 } });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: "VALIDATION_FAILED", message: expect.stringContaining("body.attributes.skill") },
    });
  });

  it("refuses a caller without a sub with 401", async () => {
    const reply = await startAs(null);
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });
});

describe("GET /v1/matchmaking/{ticketId}", () => {
  it("shows the caller its own ticket", async () => {
    const { ticketId } = (await startAs("reader-1")).body as { ticketId: string };

    const reply = await getAs("reader-1", ticketId);

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ticketId, status: "QUEUED", configuration: "arena" });
    expect(reply.headers["etag"]).toMatch(/^".+"$/);
  });

  it("answers 404 to another player and for an unknown ticket alike", async () => {
    const { ticketId } = (await startAs("reader-2")).body as { ticketId: string };

    const other = await getAs("intruder", ticketId);
    const unknown = await getAs("reader-2", "no-such-ticket");

    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
  });

  it("answers 304 when If-None-Match carries the current ETag", async () => {
    const { ticketId } = (await startAs("reader-3")).body as { ticketId: string };
    const first = await getAs("reader-3", ticketId);

    const again = await getAs("reader-3", ticketId, { "if-none-match": first.headers["etag"] ?? "" });

    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
  });
});
