import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { flexMatch, lambdaContext, sns, tableForHandler } from "./support.js";

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
let handler: Handler;

beforeAll(async () => {
  await tableForHandler("consumer-logs");
  process.env["POWERTOOLS_LOG_LEVEL"] = "INFO";
  ({ handler } = (await import("../../src/events/consumer.js")) as unknown as { handler: Handler });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function captureLines(): string[] {
  const lines: string[] = [];
  const capture = (chunk: unknown): boolean => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as typeof process.stderr.write);
  return lines;
}

describe("events consumer logs", () => {
  it("logs one structured line per folded ticket with its ticketId and playerIds", async () => {
    const lines = captureLines();

    await handler(sns(flexMatch("MatchmakingSearching", [{ ticketId: "log-1", players: [{ playerId: "pl-1" }] }], { id: "log-e1", time: 1 })), lambdaContext());

    const folded = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l["message"] === "event folded");
    expect(folded).toMatchObject({ ticketId: "log-1", playerIds: ["pl-1"], eventType: "MatchmakingSearching", status: "SEARCHING", service: "matchplace-events" });
  });

  it("logs an unknown event type as a warning and acknowledges it", async () => {
    const lines = captureLines();

    await handler(sns(flexMatch("MatchmakingBrandNew", [], { id: "log-e2", time: 1 })), lambdaContext());

    expect(lines.some((l) => l.includes("unknown event type acknowledged") && l.includes("MatchmakingBrandNew"))).toBe(true);
  });
});
