/**
 * Honest outcomes under a GameLift that does not answer: the call fits the invocation's budget, and
 * a start whose outcome is unknown is answered as accepted (the ticket/placement is stored under the
 * id sent), never as a failure. The silence is produced by the real emulator over HTTP (an operation
 * override that records the request and withholds its answer), not by mocking the SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;
let startPlacement: typeof import("../../src/placements/start.js").handler;
const received: string[] = [];
const withheld: (() => void)[] = [];
/** Records the id GameLift was sent, then never answers (until the test ends). */
const silent =
  (key: string) =>
  (input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    received.push(String(input[key]));
    return new Promise((resolve) => withheld.push(() => resolve({})));
  };

beforeAll(async () => {
  stage = await startStage({
    extraOperations: { StartMatchmaking: silent("TicketId"), StartGameSessionPlacement: silent("PlacementId") },
  });
  // A small budget keeps the test fast; production defaults to 3 s (MATCHPLACE_GAMELIFT_BUDGET_MS).
  process.env["MATCHPLACE_GAMELIFT_BUDGET_MS"] = "400";
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: startPlacement } = await import("../../src/placements/start.js"));
});
afterAll(async () => {
  for (const answer of withheld) answer();
  delete process.env["MATCHPLACE_GAMELIFT_BUDGET_MS"];
  await stage.close();
});

describe("a start whose outcome is unknown", () => {
  it("answers 202 with the ticket stored under the id GameLift was sent, and a retry finds that same ticket", async () => {
    const reply = await invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "unsure", body: {} }));

    expect(reply.status).toBe(202);
    const { ticketId } = reply.body as { ticketId: string };
    expect(received).toContain(ticketId);
    expect((await stage.tickets.get(ticketId))?.status).toBe("QUEUED");
    const again = await invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "unsure", body: {} }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "ACTIVE_TICKET_EXISTS", details: { ticketId } } });
  });

  it("answers 202 for a placement GameLift may have started, keeping the player's slot", async () => {
    const reply = await invoke(
      startPlacement,
      apiEvent({ method: "POST", path: "/v1/placements", sub: "unsure-pl", body: { maximumPlayerSessionCount: 2 } }),
    );

    expect(reply.status).toBe(202);
    const { placementId } = reply.body as { placementId: string };
    expect(received).toContain(placementId);
    expect((await stage.placements.get(placementId))?.status).toBe("PENDING");
  });
});
