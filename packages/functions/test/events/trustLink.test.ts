/**
 * The consumer reads the `EventsTrust` link on its first delivery, not at import (so its cold import
 * builds no schema). It still fails closed: with a malformed link every delivery throws — the first
 * and the later ones alike — and nothing is folded; against DynamoDB Local through the handler.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TicketRepository } from "@matchplace/core/dynamo";
import { flexMatch, lambdaContext, sns, storeTickets, tableForHandler, TRUST } from "./support.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;
let tickets: TicketRepository;

beforeAll(async () => {
  ({ tickets } = await tableForHandler("trustlink"));
  // A link whose account is not an AWS account id: the module must still load.
  process.env["SST_RESOURCE_EventsTrust"] = JSON.stringify({ ...TRUST, account: "not-an-account" });
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
});

describe("events consumer with a malformed EventsTrust link", () => {
  it("refuses the first delivery and every later one, folding nothing", async () => {
    const list = [{ ticketId: "trust-t1", players: [{ playerId: "trust-a" }] }];
    await storeTickets(tickets, list);
    const cancel = flexMatch("MatchmakingCancelled", list, { id: "trust-e1", time: 2_000 });
    await expect(handler(sns(cancel), lambdaContext())).rejects.toThrow(/^invalid EventsTrust: account: /);
    await expect(handler(sns(cancel), lambdaContext())).rejects.toThrow(/^invalid EventsTrust: account: /);
    expect((await tickets.get("trust-t1"))?.status).toBe("QUEUED");
  });
});
