/**
 * The cost model of docs/architecture.md, measured: every DynamoDB and GameLift call each route
 * makes, counted through the SDK clients' middleware stacks against DynamoDB Local and the GameLift
 * emulator, with the request units DynamoDB reports. A route over its budget fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meterClients, tally, unitsOf, type Meter } from "../support/meter.js";
import { apiEvent, invoke, type Reply } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let meter: Meter;
const h = {} as {
  start: typeof import("../../src/matchmaking/start.js").handler;
  get: typeof import("../../src/matchmaking/get.js").handler;
  current: typeof import("../../src/matchmaking/current.js").handler;
  accept: typeof import("../../src/matchmaking/accept.js").handler;
  stop: typeof import("../../src/matchmaking/stop.js").handler;
  me: typeof import("../../src/players/getMe.js").handler;
  createParty: typeof import("../../src/parties/create.js").handler;
  getParty: typeof import("../../src/parties/get.js").handler;
  startPlacement: typeof import("../../src/placements/start.js").handler;
  getPlacement: typeof import("../../src/placements/get.js").handler;
};

beforeAll(async () => {
  stage = await startStage({ acceptance: true, configurationName: "arena-accept" });
  h.start = (await import("../../src/matchmaking/start.js")).handler;
  h.get = (await import("../../src/matchmaking/get.js")).handler;
  h.current = (await import("../../src/matchmaking/current.js")).handler;
  h.accept = (await import("../../src/matchmaking/accept.js")).handler;
  h.stop = (await import("../../src/matchmaking/stop.js")).handler;
  h.me = (await import("../../src/players/getMe.js")).handler;
  h.createParty = (await import("../../src/parties/create.js")).handler;
  h.getParty = (await import("../../src/parties/get.js")).handler;
  h.startPlacement = (await import("../../src/placements/start.js")).handler;
  h.getPlacement = (await import("../../src/placements/get.js")).handler;
  const { dynamodb } = await import("../../src/http/services.js");
  const { gameliftClient } = await import("../../src/http/gamelift.js");
  meter = meterClients({ dynamodb: [dynamodb()], gamelift: [gameliftClient()] });
  await stage.advance(30_000, 1000); // fleet activation
});
afterAll(async () => stage.close());

const ticketEvent = (method: string, ticketId: string, sub: string, suffix = "", body?: unknown) =>
  apiEvent({
    method,
    path: `/v1/matchmaking/${ticketId}${suffix}`,
    route: `/v1/matchmaking/{ticketId}${suffix}`,
    pathParameters: { ticketId },
    sub,
    ...(body === undefined ? {} : { body }),
  });

/** Runs one request and returns its reply with the calls it made. */
async function metered(
  run: () => Promise<Reply>,
): Promise<{ reply: Reply; calls: Record<string, number>; units: number }> {
  meter.take();
  const reply = await run();
  const calls = meter.take();
  return { reply, calls: tally(calls), units: unitsOf(calls) };
}

describe("cost of each route (DynamoDB + GameLift calls)", () => {
  let ticketId = "";

  it("start: one StartMatchmaking and a bounded number of DynamoDB calls", async () => {
    const { reply, calls, units } = await metered(() =>
      invoke(h.start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "cost-a", body: {} })),
    );
    expect(reply.status).toBe(202);
    ticketId = (reply.body as { ticketId: string }).ticketId;
    expect(calls["gamelift:StartMatchmaking"]).toBe(1);
    const dynamo = Object.entries(calls)
      .filter(([k]) => k.startsWith("dynamodb:"))
      .reduce((s, [, n]) => s + n, 0);
    expect(dynamo, `${JSON.stringify(calls)} ${units} units`).toBeLessThanOrEqual(START_BUDGET.dynamodbCalls);
    expect(units, `${JSON.stringify(calls)} ${units} units`).toBeLessThanOrEqual(START_BUDGET.units);
    expect(Object.keys(calls).filter((k) => k.startsWith("gamelift:"))).toEqual(["gamelift:StartMatchmaking"]);
  });

  it("poll a ticket: one eventually consistent GetItem (0.5 RRU), no write, no GameLift", async () => {
    const { reply, calls, units } = await metered(() => invoke(h.get, ticketEvent("GET", ticketId, "cost-a")));
    expect(reply.status).toBe(200);
    expect(calls).toEqual({ "dynamodb:GetItem(eventual)": 1 });
    expect(units).toBe(0.5);
  });

  it("a 304 poll costs the same read and nothing else", async () => {
    const first = await invoke(h.get, ticketEvent("GET", ticketId, "cost-a"));
    const etag = first.headers["etag"]!;
    const { reply, calls } = await metered(() =>
      invoke(
        h.get,
        apiEvent({
          method: "GET",
          path: `/v1/matchmaking/${ticketId}`,
          route: "/v1/matchmaking/{ticketId}",
          pathParameters: { ticketId },
          sub: "cost-a",
          headers: { "if-none-match": etag },
        }),
      ),
    );
    expect(reply.status).toBe(304);
    expect(calls).toEqual({ "dynamodb:GetItem(eventual)": 1 });
  });

  it("current: the profile and the ticket, both eventually consistent", async () => {
    const { reply, calls, units } = await metered(() =>
      invoke(h.current, apiEvent({ method: "GET", path: "/v1/matchmaking/current", sub: "cost-a" })),
    );
    expect(reply.status).toBe(200);
    expect(calls).toEqual({ "dynamodb:GetItem(eventual)": 2 });
    expect(units).toBe(1);
  });

  it("a poll of someone else's ticket: the read, one strongly consistent look at the caller's own profile, then 404", async () => {
    const { reply, calls } = await metered(() => invoke(h.get, ticketEvent("GET", ticketId, "cost-stranger")));
    expect(reply.status).toBe(404);
    expect(calls).toEqual({ "dynamodb:GetItem(eventual)": 1, "dynamodb:GetItem(strong)": 1 });
  });

  it("players/me: one eventually consistent GetItem and no write", async () => {
    const { reply, calls } = await metered(() =>
      invoke(h.me, apiEvent({ method: "GET", path: "/v1/players/me", sub: "cost-a" })),
    );
    expect(reply.status).toBe(200);
    expect(calls).toEqual({ "dynamodb:GetItem(eventual)": 1 });
  });

  it("party and placement polls: one eventually consistent GetItem each", async () => {
    const party = await invoke(
      h.createParty,
      apiEvent({ method: "POST", path: "/v1/parties", sub: "cost-p", body: {} }),
    );
    const partyId = (party.body as { partyId: string }).partyId;
    const placement = await invoke(
      h.startPlacement,
      apiEvent({ method: "POST", path: "/v1/placements", sub: "cost-q", body: { maximumPlayerSessionCount: 2 } }),
    );
    expect(placement.status).toBe(202);
    const placementId = (placement.body as { placementId: string }).placementId;

    const p = await metered(() =>
      invoke(
        h.getParty,
        apiEvent({
          method: "GET",
          path: `/v1/parties/${partyId}`,
          route: "/v1/parties/{partyId}",
          pathParameters: { partyId },
          sub: "cost-p",
        }),
      ),
    );
    expect(p.reply.status).toBe(200);
    expect(p.calls).toEqual({ "dynamodb:GetItem(eventual)": 1 });
    const q = await metered(() =>
      invoke(
        h.getPlacement,
        apiEvent({
          method: "GET",
          path: `/v1/placements/${placementId}`,
          route: "/v1/placements/{placementId}",
          pathParameters: { placementId },
          sub: "cost-q",
        }),
      ),
    );
    expect(q.reply.status).toBe(200);
    expect(q.calls).toEqual({ "dynamodb:GetItem(eventual)": 1 });
  });

  it("cancel: one StopMatchmaking and a bounded number of DynamoDB calls", async () => {
    const { reply, calls, units } = await metered(() => invoke(h.stop, ticketEvent("DELETE", ticketId, "cost-a")));
    expect(reply.status).toBeLessThan(300);
    expect(calls["gamelift:StopMatchmaking"]).toBe(1);
    const dynamo = Object.entries(calls)
      .filter(([k]) => k.startsWith("dynamodb:"))
      .reduce((s, [, n]) => s + n, 0);
    expect(dynamo, `${JSON.stringify(calls)} ${units} units`).toBeLessThanOrEqual(CANCEL_BUDGET.dynamodbCalls);
    expect(units, `${JSON.stringify(calls)} ${units} units`).toBeLessThanOrEqual(CANCEL_BUDGET.units);
  });

  it("accept: one AcceptMatch and a bounded number of DynamoDB calls", async () => {
    const players = ["cost-acc-1", "cost-acc-2", "cost-acc-3", "cost-acc-4"];
    const ids = await Promise.all(
      players.map(
        async (p) =>
          (
            (await invoke(h.start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub: p, body: {} }))).body as {
              ticketId: string;
            }
          ).ticketId,
      ),
    );
    await stage.advance(20_000, 500);
    const view = await invoke(h.get, ticketEvent("GET", ids[0]!, players[0]!));
    expect((view.body as { status: string }).status).toBe("REQUIRES_ACCEPTANCE");

    const { reply, calls, units } = await metered(() =>
      invoke(h.accept, ticketEvent("POST", ids[0]!, players[0]!, "/accept", { accept: true })),
    );
    expect(reply.status).toBeLessThan(300);
    expect(calls["gamelift:AcceptMatch"]).toBe(1);
    const dynamo = Object.entries(calls)
      .filter(([k]) => k.startsWith("dynamodb:"))
      .reduce((s, [, n]) => s + n, 0);
    expect(dynamo, `${JSON.stringify(calls)} ${units} units`).toBeLessThanOrEqual(ACCEPT_BUDGET.dynamodbCalls);
    expect(units, `${JSON.stringify(calls)} ${units} units`).toBeLessThanOrEqual(ACCEPT_BUDGET.units);
  });
});

/** Budgets of the write routes (calls include the idempotency and write-limit items). */
const START_BUDGET = { dynamodbCalls: 5, units: 6 };
const CANCEL_BUDGET = { dynamodbCalls: 3, units: 3 };
const ACCEPT_BUDGET = { dynamodbCalls: 2, units: 2 };
