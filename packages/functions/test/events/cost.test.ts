/**
 * The consumer's share of the cost model (docs/architecture.md): each GameLift event costs one
 * conditional UpdateItem per ticket it names — no read — counted through the SDK client's middleware
 * stack against DynamoDB Local, with the request units DynamoDB reports.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TicketRepository } from "@matchplace/core/dynamo";
import { meterClients, tally, unitsOf, type Meter } from "../support/meter.js";
import { flexMatch, lambdaContext, sns, storeTickets, tableForHandler } from "./support.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;
let tickets: TicketRepository;
let meter: Meter;

beforeAll(async () => {
  ({ tickets } = await tableForHandler("consumer-cost"));
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
  // The consumer folds through the functions' shared document client (built here, on first use).
  const { dynamodb } = await import("../../src/dynamo.js");
  meter = meterClients({ dynamodb: [dynamodb()] });
});

describe("consumer cost", () => {
  it("folds each event of a two-ticket match with one UpdateItem per ticket and reads nothing", async () => {
    const t1 = { ticketId: "cost-t1", players: [{ playerId: "cost-p1" }] };
    const t2 = { ticketId: "cost-t2", players: [{ playerId: "cost-p2" }] };
    await storeTickets(tickets, [t1, t2]);
    const events = [
      flexMatch("MatchmakingSearching", [t1, t2], {
        id: "cost-1",
        time: 1_000,
        extra: { estimatedWaitMillis: "NOT_AVAILABLE" },
      }),
      flexMatch("PotentialMatchCreated", [t1, t2], {
        id: "cost-2",
        time: 2_000,
        extra: { matchId: "m-cost", acceptanceRequired: false },
      }),
      flexMatch("MatchmakingSucceeded", [t1, t2], {
        id: "cost-3",
        time: 3_000,
        extra: { matchId: "m-cost" },
        session: {
          gameSessionArn: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/gs-cost",
          ipAddress: "10.0.0.1",
          dnsName: "gs.example",
          port: 7777,
        },
      }),
    ];
    for (const e of events) {
      meter.take();
      await handler(sns(e), lambdaContext());
      const calls = meter.take();
      expect(tally(calls)).toEqual({ "dynamodb:UpdateItem": 2 });
      // Per ticket: one write unit for the item (≤ 1 KB) plus the index writes DynamoDB reports
      // (the pending index while the ticket is live, the game-session index once it has a session).
      expect(unitsOf(calls)).toBeLessThanOrEqual(2 * CONSUMER_BUDGET.unitsPerTicketEvent);
    }
    expect((await tickets.get("cost-t1"))?.status).toBe("COMPLETED");
  });

  it("pays one refused conditional write, and nothing more, for a duplicate delivery", async () => {
    const t = { ticketId: "cost-dup", players: [{ playerId: "cost-pd" }] };
    await storeTickets(tickets, [t]);
    const e = sns(flexMatch("MatchmakingSearching", [t], { id: "cost-dup-1", time: 1_000 }));
    await handler(e, lambdaContext());
    meter.take();
    await handler(e, lambdaContext());
    expect(tally(meter.take())).toEqual({ "dynamodb:UpdateItem": 1 });
  });
});

/** Write units per ticket per event: the item (≤ 1 KB) and at most two index writes. */
const CONSUMER_BUDGET = { unitsPerTicketEvent: 3 };
