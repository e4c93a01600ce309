import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { redriveDeadLetters, type DeadLetter, type DeadLetterSource } from "@matchplace/core";
import type { PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import { parseRedriveArgs, redriveLocal } from "../../src/dlq/redriveCli.js";
import { TRUST, flexMatch, sns, storeTickets, tableForHandler } from "../events/support.js";

/** An in-memory dead-letter queue (the SQS one is exercised on AWS only). */
class MemoryDlq implements DeadLetterSource {
  public letters: DeadLetter[];
  #cursor = 0;
  public constructor(bodies: unknown[]) {
    this.letters = bodies.map((body, i) => ({ handle: `h${i}`, body }));
  }
  public async receive(max: number): Promise<DeadLetter[]> {
    const out = this.letters.slice(this.#cursor, this.#cursor + max);
    this.#cursor += out.length;
    return out;
  }
  public async remove(handles: readonly string[]): Promise<void> {
    this.letters = this.letters.filter((l) => !handles.includes(l.handle));
    this.#cursor -= handles.length;
  }
}

let tickets: TicketRepository;
let placements: PlacementRepository;

beforeAll(async () => {
  ({ tickets, placements } = await tableForHandler("dlq"));
});

describe("redriveDeadLetters", () => {
  it("folds every DLQ body shape, deletes what it folded and keeps poison", async () => {
    const done = flexMatch("MatchmakingTimedOut", [{ ticketId: "dlq-1", players: [{ playerId: "a" }] }], {
      id: "d1",
      time: 5_000,
      extra: { reason: "TimedOut" },
    });
    const searching = flexMatch("MatchmakingSearching", [{ ticketId: "dlq-2", players: [{ playerId: "b" }] }], {
      id: "d2",
      time: 5_000,
    });
    const lambdaFailure = JSON.stringify({
      requestContext: { requestId: "r", condition: "RetriesExhausted" },
      requestPayload: sns(done),
    });
    const snsNotification = JSON.stringify({
      Type: "Notification",
      MessageId: "m",
      Message: JSON.stringify(searching),
    });
    const dlq = new MemoryDlq([lambdaFailure, snsNotification, "{broken"]);
    await storeTickets(tickets, [
      { ticketId: "dlq-1", players: [{ playerId: "a" }] },
      { ticketId: "dlq-2", players: [{ playerId: "b" }] },
    ]);

    const report = await redriveDeadLetters({
      source: dlq,
      tickets,
      placements,
      trust: TRUST,
      clock: { now: () => 9_000 },
    });

    expect(report).toEqual({ received: 3, redriven: 2, rejected: 0, poison: 1, failed: 0 });
    expect(dlq.letters.map((l) => l.body)).toEqual(["{broken"]);
    expect((await tickets.get("dlq-1"))?.status).toBe("TIMED_OUT");
    expect((await tickets.get("dlq-2"))?.status).toBe("SEARCHING");
  });

  it("replaying an already folded message changes nothing", async () => {
    const ev = flexMatch("MatchmakingCancelled", [{ ticketId: "dlq-3", players: [{ playerId: "c" }] }], {
      id: "d3",
      time: 5_000,
    });
    await storeTickets(tickets, [{ ticketId: "dlq-3", players: [{ playerId: "c" }] }]);
    await redriveDeadLetters({
      source: new MemoryDlq([sns(ev)]),
      tickets,
      placements,
      trust: TRUST,
      clock: { now: () => 10_000 },
    });
    const before = await tickets.get("dlq-3");

    const report = await redriveDeadLetters({
      source: new MemoryDlq([sns(ev)]),
      tickets,
      placements,
      trust: TRUST,
      clock: { now: () => 20_000 },
    });

    expect(report.redriven).toBe(1);
    expect(await tickets.get("dlq-3")).toEqual(before);
  });

  it("re-vets what it replays: a forged dead letter is deleted, counted and never folded", async () => {
    await storeTickets(tickets, [{ ticketId: "dlq-4", players: [{ playerId: "d" }] }]);
    const forged = {
      ...flexMatch("MatchmakingCancelled", [{ ticketId: "dlq-4", players: [{ playerId: "d" }] }], {
        id: "d4",
        time: 5_000,
      }),
      account: "999999999999",
    };
    const dlq = new MemoryDlq([sns(forged)]);

    const report = await redriveDeadLetters({
      source: dlq,
      tickets,
      placements,
      trust: TRUST,
      clock: { now: () => 9_000 },
    });

    expect(report).toEqual({ received: 1, redriven: 0, rejected: 1, poison: 0, failed: 0 });
    expect(dlq.letters).toEqual([]);
    expect((await tickets.get("dlq-4"))?.status).toBe("QUEUED");
  });
});

describe("dlq:redrive CLI", () => {
  it("replays the local stage's dead letters through its SNS", async () => {
    const calls: string[] = [];
    const server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.setHeader("content-type", "application/json");
      res.end(
        req.url === "/local/dlq"
          ? JSON.stringify({ messages: [{ id: "1" }, { id: "2" }] })
          : JSON.stringify({ redriven: 2 }),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const dir = mkdtempSync(join(tmpdir(), "dlq-"));
    const localJson = join(dir, "local.json");
    writeFileSync(localJson, JSON.stringify({ sns: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));

    try {
      expect(await redriveLocal(localJson)).toEqual({ dlq: 2, redriven: 2 });
      expect(calls).toEqual(["GET /local/dlq", "POST /local/dlq/redrive"]);
    } finally {
      server.close();
    }
  });

  it("parses AWS mode flags", () => {
    expect(parseRedriveArgs(["--queue-url", "https://sqs/q", "--table", "t", "--max", "5"], {})).toMatchObject({
      queueUrl: "https://sqs/q",
      table: "t",
      max: 5,
    });
    expect(() => parseRedriveArgs(["--max", "0"], {})).toThrow(/--max/);
  });
});
