import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let stage: Stage;
let start: typeof import("../../src/matchmaking/start.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
});
afterAll(async () => stage.close());

describe("one active ticket per player", () => {
  it("yields exactly one ticket from 20 parallel starts by one player; the others get 409 naming it", async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub: "racer", body: {} })),
      ),
    );

    const accepted = replies.filter((r) => r.status === 202);
    const conflicts = replies.filter((r) => r.status === 409);
    expect(accepted).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const ticketId = (accepted[0]?.body as { ticketId: string } | undefined)?.ticketId;
    for (const c of conflicts)
      expect(c.body).toMatchObject({ error: { code: "ACTIVE_TICKET_EXISTS", details: { ticketId } } });
    const tickets = (await stage.items()).filter((i) => String(i["pk"]).startsWith("TICKET#"));
    expect(tickets.map((t) => t["ticketId"])).toEqual([ticketId]);
  });
});
