import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke, type Reply } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;
let get: typeof import("../../src/matchmaking/get.js").handler;
let current: typeof import("../../src/matchmaking/current.js").handler;
let stop: typeof import("../../src/matchmaking/stop.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: get } = await import("../../src/matchmaking/get.js"));
  ({ handler: current } = await import("../../src/matchmaking/current.js"));
  ({ handler: stop } = await import("../../src/matchmaking/stop.js"));
  await stage.advance(30_000, 1000); // fleet activation
});
afterAll(async () => stage.close());

const startAs = (sub: string, body: unknown = {}): Promise<Reply> =>
  invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub, body }));
const getAs = (sub: string, ticketId: string): Promise<Reply> =>
  invoke(
    get,
    apiEvent({
      method: "GET",
      path: `/v1/matchmaking/${ticketId}`,
      route: "/v1/matchmaking/{ticketId}",
      pathParameters: { ticketId },
      sub,
    }),
  );
const stopAs = (sub: string, ticketId: string): Promise<Reply> =>
  invoke(
    stop,
    apiEvent({
      method: "DELETE",
      path: `/v1/matchmaking/${ticketId}`,
      route: "/v1/matchmaking/{ticketId}",
      pathParameters: { ticketId },
      sub,
    }),
  );
const currentAs = (sub: string): Promise<Reply> =>
  invoke(current, apiEvent({ method: "GET", path: "/v1/matchmaking/current", sub }));

describe("matchmaking end to end at the handler level", () => {
  it("shows each player of a completed match its own connection and player session", async () => {
    const players = ["flow-a", "flow-b", "flow-c", "flow-d"];
    const ids = await Promise.all(players.map(async (p) => ((await startAs(p)).body as { ticketId: string }).ticketId));

    await stage.advance(20_000, 500);

    const views = await Promise.all(players.map((p, i) => getAs(p, ids[i] ?? "")));
    const sessions = new Set<string>();
    for (const v of views) {
      expect(v.status).toBe(200);
      const body = v.body as {
        status: string;
        connection?: { ipAddress: string; port: number; playerSessionId: string };
        retryAfterMs: number;
      };
      expect(body.status).toBe("COMPLETED");
      expect(body.connection?.ipAddress).toMatch(/^[0-9.]+$/);
      expect(body.connection?.port).toBeGreaterThan(0);
      expect(body.retryAfterMs).toBe(0);
      sessions.add(body.connection?.playerSessionId ?? "");
    }
    expect(sessions.size).toBe(4);
  });

  it("lets a player start again once its ticket has ended (the stale lock is taken over)", async () => {
    const players = ["again-a", "again-b", "again-c", "again-d"];
    await Promise.all(players.map((p) => startAs(p)));
    await stage.advance(20_000, 500);

    const second = await startAs("again-a");

    expect(second.status).toBe(202);
    const cur = await currentAs("again-a");
    expect(cur.body).toMatchObject({ ticketId: (second.body as { ticketId: string }).ticketId });
  });

  it("cancels a searching ticket, and repeating the cancel is harmless", async () => {
    const { ticketId } = (await startAs("cancel-a")).body as { ticketId: string };
    await stage.advance(2000, 500);

    const first = await stopAs("cancel-a", ticketId);
    await stage.advance(1000, 500);
    const again = await stopAs("cancel-a", ticketId);
    const view = await getAs("cancel-a", ticketId);

    expect(first.status).toBe(204);
    expect(again.status).toBe(204);
    expect(view.body).toMatchObject({ status: "CANCELLED" });
    expect((await startAs("cancel-a")).status).toBe(202);
  });

  it("does not let another player cancel a ticket (404, ticket untouched)", async () => {
    const { ticketId } = (await startAs("owner-x")).body as { ticketId: string };

    const reply = await stopAs("intruder-x", ticketId);

    expect(reply.status).toBe(404);
    expect((await getAs("owner-x", ticketId)).body).toMatchObject({
      status: expect.stringMatching(/QUEUED|SEARCHING/),
    });
  });

  it("refuses to cancel while the match is being placed (409 TICKET_PLACING)", async () => {
    const { ticketId } = (await startAs("placing-a")).body as { ticketId: string };
    // The consumer's fold moves the stored ticket to PLACING (as a MatchmakingSucceeded-bound match would).
    const now = stage.clock.now();
    await stage.tickets.apply(
      {
        id: `obs-${ticketId}`,
        type: "ObservedStatus",
        dedupe: false,
        time: now,
        ticketId,
        configurationName: "arena",
        status: "PLACING",
        playerIds: ["placing-a"],
        players: {},
      },
      now,
    );

    const reply = await stopAs("placing-a", ticketId);

    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: "TICKET_PLACING" } });
  });

  it("answers 404 for /current when the player never started", async () => {
    expect((await currentAs("newcomer")).status).toBe(404);
  });
});
