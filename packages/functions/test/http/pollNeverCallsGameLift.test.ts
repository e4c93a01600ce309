/**
 * The player's poll routes read DynamoDB only; GameLift is reconciled by the schedule, never on a
 * client request. The handlers reach the emulator through a counting proxy, so a call to GameLift
 * would be seen, and every GameLift call is throttled while the players poll, so one could not be
 * hidden behind a fallback either.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke, type Reply } from "./events.js";
import { startStage, type Stage } from "./harness.js";

/** Forwards every request to `target`, recording its `X-Amz-Target` (the GameLift operation). */
interface CountingProxy {
  readonly url: string;
  target: string;
  readonly calls: string[];
  close(): Promise<void>;
}

async function countingProxy(): Promise<CountingProxy> {
  const server: Server = createServer((req, res) => {
    out.calls.push(String(req.headers["x-amz-target"] ?? `${req.method} ${req.url}`));
    const upstream = request(
      new URL(req.url ?? "/", out.target),
      { method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const out: CountingProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    target: "",
    calls: [],
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return out;
}

let proxy: CountingProxy;
let stage: Stage;
let startTicket: typeof import("../../src/matchmaking/start.js").handler;
let getTicket: typeof import("../../src/matchmaking/get.js").handler;
let currentTicket: typeof import("../../src/matchmaking/current.js").handler;
let startPlacement: typeof import("../../src/placements/start.js").handler;
let getPlacement: typeof import("../../src/placements/get.js").handler;

beforeAll(async () => {
  proxy = await countingProxy();
  stage = await startStage({ gameliftEndpoint: proxy.url });
  proxy.target = stage.emulator.url;
  ({ handler: startTicket } = await import("../../src/matchmaking/start.js"));
  ({ handler: getTicket } = await import("../../src/matchmaking/get.js"));
  ({ handler: currentTicket } = await import("../../src/matchmaking/current.js"));
  ({ handler: startPlacement } = await import("../../src/placements/start.js"));
  ({ handler: getPlacement } = await import("../../src/placements/get.js"));
  await stage.advance(30_000, 1000); // fleet activation
});
afterAll(async () => {
  await stage?.close();
  await proxy?.close();
});

const get = (
  handler: typeof getTicket,
  sub: string,
  path: string,
  route: string,
  pathParameters?: Record<string, string>,
): Promise<Reply> =>
  invoke(handler, apiEvent({ method: "GET", path, route, sub, ...(pathParameters ? { pathParameters } : {}) }));

describe("polling", () => {
  it("answers tickets and placements from DynamoDB without one GameLift call, even while GameLift throttles", async () => {
    const ticket = await invoke(
      startTicket,
      apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "poll-a", body: {} }),
    );
    expect(ticket.status).toBe(202);
    const placement = await invoke(
      startPlacement,
      apiEvent({ method: "POST", path: "/v1/placements", sub: "poll-b", body: { maximumPlayerSessionCount: 2 } }),
    );
    expect(placement.status).toBe(202);
    expect(proxy.calls).toEqual(["GameLift.StartMatchmaking", "GameLift.StartGameSessionPlacement"]);
    await stage.advance(5000, 500); // events: the ticket searches, the placement is fulfilled
    const { ticketId } = ticket.body as { ticketId: string };
    const { placementId } = placement.body as { placementId: string };

    proxy.calls.length = 0;
    stage.emulator.faults.set({ throttle: 1 });
    const replies = [];
    for (let i = 0; i < 3; i += 1) {
      replies.push(
        await get(getTicket, "poll-a", `/v1/matchmaking/${ticketId}`, "/v1/matchmaking/{ticketId}", { ticketId }),
      );
      replies.push(await get(currentTicket, "poll-a", "/v1/matchmaking/current", "/v1/matchmaking/current"));
      replies.push(
        await get(getPlacement, "poll-b", `/v1/placements/${placementId}`, "/v1/placements/{placementId}", {
          placementId,
        }),
      );
    }

    expect(replies.map((r) => r.status)).toEqual(Array(9).fill(200));
    expect(replies[0]?.body).toMatchObject({ ticketId, status: (await stage.tickets.get(ticketId))?.status });
    expect(replies[2]?.body).toMatchObject({ placementId, status: "FULFILLED" });
    expect(proxy.calls).toEqual([]);
    stage.emulator.faults.set({ throttle: 0 });
  });
});
