/**
 * The consumer builds its client and repositories on its first delivery, not at import: without the
 * `Table` link the module still loads, and every delivery fails (so SNS retries it, then
 * dead-letters it) naming the link, folding nothing; against DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TicketRepository } from "@matchplace/core/dynamo";
import { flexMatch, lambdaContext, sns, storeTickets, tableForHandler } from "./support.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;
let tickets: TicketRepository;

beforeAll(async () => {
  ({ tickets } = await tableForHandler("tablelink"));
  delete process.env["SST_RESOURCE_Table"];
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
});

describe("events consumer without its Table link", () => {
  it("loads, and fails the first delivery and every later one naming the link", async () => {
    const list = [{ ticketId: "table-t1", players: [{ playerId: "table-a" }] }];
    await storeTickets(tickets, list);
    const cancel = flexMatch("MatchmakingCancelled", list, { id: "table-e1", time: 2_000 });
    await expect(handler(sns(cancel), lambdaContext())).rejects.toThrow(/linked resource Table\.name is not set/);
    await expect(handler(sns(cancel), lambdaContext())).rejects.toThrow(/linked resource Table\.name is not set/);
    expect((await tickets.get("table-t1"))?.status).toBe("QUEUED");
  });
});
