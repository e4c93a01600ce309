import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TicketRepository } from "@matchplace/core/dynamo";
import { flexMatch, lambdaContext, sns, storeTickets, tableForHandler } from "./support.js";
import { captureOutput } from "../support/captureOutput.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;
let tickets: TicketRepository;

beforeAll(async () => {
  ({ tickets } = await tableForHandler("consumer-logs"));
  process.env["POWERTOOLS_LOG_LEVEL"] = "INFO";
  // Metrics on: the refused-event counter is asserted on the EMF line Powertools prints.
  process.env["POWERTOOLS_METRICS_DISABLED"] = "false";
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("events consumer logs", () => {
  it("logs one structured line per folded ticket with its ticketId and playerIds", async () => {
    await storeTickets(tickets, [{ ticketId: "log-1", players: [{ playerId: "pl-1" }] }]);
    const lines = captureOutput();

    await handler(
      sns(
        flexMatch("MatchmakingSearching", [{ ticketId: "log-1", players: [{ playerId: "pl-1" }] }], {
          id: "log-e1",
          time: 1_000,
        }),
      ),
      lambdaContext(),
    );

    const folded = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l["message"] === "event folded");
    expect(folded).toMatchObject({
      ticketId: "log-1",
      playerIds: ["pl-1"],
      eventType: "MatchmakingSearching",
      status: "SEARCHING",
      service: "matchplace-events",
    });
  });

  it("puts the SNS MessageId on every log line of the delivery as its correlation id", async () => {
    await storeTickets(tickets, [{ ticketId: "log-c", players: [{ playerId: "pl-c" }] }]);
    const delivery = sns(
      flexMatch("MatchmakingSearching", [{ ticketId: "log-c", players: [{ playerId: "pl-c" }] }], {
        id: "log-ec",
        time: 2_000,
      }),
    );
    const messageId = (delivery["Records"] as { Sns: { MessageId: string } }[])[0]!.Sns.MessageId;
    const lines = captureOutput();

    await handler(delivery, lambdaContext());

    const logs = lines
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => "level" in l);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line["correlation_id"], JSON.stringify(line)).toBe(messageId);
  });

  it("logs an unknown event type as a warning and acknowledges it", async () => {
    const lines = captureOutput();

    await handler(sns(flexMatch("MatchmakingBrandNew", [], { id: "log-e2", time: 1 })), lambdaContext());

    expect(lines.some((l) => l.includes("unknown event type acknowledged") && l.includes("MatchmakingBrandNew"))).toBe(
      true,
    );
  });

  it("logs a refused event once with its reason, counts it (RejectedEvents) and acknowledges it", async () => {
    await storeTickets(tickets, [{ ticketId: "log-3", players: [{ playerId: "pl-3" }] }]);
    const forged = {
      ...flexMatch("MatchmakingCancelled", [{ ticketId: "log-3", players: [{ playerId: "pl-3" }] }], {
        id: "log-e3",
        time: 1_000,
      }),
      source: "evil.forger",
    };
    const lines = captureOutput();

    await expect(handler(sns(forged), lambdaContext())).resolves.toBeUndefined();

    const rejected = lines.filter((l) => l.includes("event rejected"));
    expect(rejected).toHaveLength(1);
    expect(JSON.parse(rejected[0] ?? "{}")).toMatchObject({
      level: "WARN",
      envelopeId: "log-e3",
      reason: "source is not aws.gamelift",
    });
    const emf = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => "_aws" in l && "RejectedEvents" in l);
    expect(emf?.["RejectedEvents"]).toBe(1);
    expect((await tickets.get("log-3"))?.status).toBe("QUEUED");
  });
});
