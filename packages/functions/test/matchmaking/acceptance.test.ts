import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke, type Reply } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;
let get: typeof import("../../src/matchmaking/get.js").handler;
let accept: typeof import("../../src/matchmaking/accept.js").handler;

beforeAll(async () => {
  stage = await startStage({ acceptance: true, configurationName: "arena-accept" });
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: get } = await import("../../src/matchmaking/get.js"));
  ({ handler: accept } = await import("../../src/matchmaking/accept.js"));
  await stage.advance(30_000, 1000);
});
afterAll(async () => stage.close());

const startAs = async (sub: string): Promise<string> =>
  (
    (await invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub, body: {} }))).body as {
      ticketId: string;
    }
  ).ticketId;
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
const acceptAs = (sub: string, ticketId: string, body: unknown): Promise<Reply> =>
  invoke(
    accept,
    apiEvent({
      method: "POST",
      path: `/v1/matchmaking/${ticketId}/accept`,
      route: "/v1/matchmaking/{ticketId}/accept",
      pathParameters: { ticketId },
      sub,
      body,
    }),
  );

describe("POST /v1/matchmaking/{ticketId}/accept", () => {
  it("answers for the caller only, shows the acceptance state, and completes once all accept", async () => {
    const players = ["acc-a", "acc-b", "acc-c", "acc-d"];
    const ids = await Promise.all(players.map(startAs));
    await stage.advance(10_000, 500);
    const proposed = await getAs("acc-a", ids[0] ?? "");
    expect(proposed.body).toMatchObject({
      status: "REQUIRES_ACCEPTANCE",
      match: { acceptanceRequired: true, accepted: null },
    });

    const intruder = await acceptAs("acc-b", ids[0] ?? "", { accept: true });
    expect(intruder.status).toBe(404);

    const first = await acceptAs("acc-a", ids[0] ?? "", { accept: true });
    expect(first.status).toBe(202);
    await stage.advance(500, 500);
    expect((await getAs("acc-a", ids[0] ?? "")).body).toMatchObject({ match: { accepted: true } });
    expect((await getAs("acc-b", ids[1] ?? "")).body).toMatchObject({
      status: "REQUIRES_ACCEPTANCE",
      match: { accepted: null },
    });

    for (let i = 1; i < players.length; i += 1)
      expect((await acceptAs(players[i] ?? "", ids[i] ?? "", { accept: true })).status).toBe(202);
    await stage.advance(15_000, 500);

    const done = await getAs("acc-d", ids[3] ?? "");
    expect(done.body).toMatchObject({
      status: "COMPLETED",
      connection: { playerSessionId: expect.stringMatching(/^psess-/) },
    });
  });

  it("refuses with 409 while the ticket is not awaiting acceptance", async () => {
    const ticketId = await startAs("early-1");

    const reply = await acceptAs("early-1", ticketId, { accept: true });

    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: "NOT_AWAITING_ACCEPTANCE" } });
  });

  it("refuses a body without a boolean accept with 400 naming body.accept", async () => {
    const ticketId = await startAs("badbody-1");

    const reply = await acceptAs("badbody-1", ticketId, { accept: "yes" });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { message: expect.stringContaining("body.accept") } });
  });
});
