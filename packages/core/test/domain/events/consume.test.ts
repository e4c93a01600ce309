/** `consumeDelivery` over every carrier a GameLift event reaches the consumer in, folding into the real pure folds. */
import { describe, expect, it } from "vitest";
import { consumeDelivery, type ConsumeDeps } from "../../../src/domain/events/consume.js";
import type { TicketEvent } from "../../../src/domain/events/types.js";
import type { EventTrust } from "../../../src/domain/events/trust.js";
import { UnavailableError } from "../../../src/errors.js";
import { CONFIG_ARN, flexMatchEnvelope, placementEnvelope, QUEUE_ARN, snsEvent } from "./fixtures.js";
import { MemoryPlacementStore, MemoryTicketStore } from "./memoryStores.js";

const NOW = 1_700_000_000_000;
const trust: EventTrust = {
  account: "111122223333",
  region: "eu-west-1",
  resources: [CONFIG_ARN, QUEUE_ARN],
  fleetIds: ["fleet-5d9c1b7e-2f3a-4e8b-9c6d-0a1b2c3d4e5f"],
};

const searching = (ticketId: string, id = `e-${ticketId}`) =>
  flexMatchEnvelope("MatchmakingSearching", [{ ticketId, players: [{ playerId: "p1" }] }], { id, time: NOW });

const stored = { playerIds: ["p1"], createdAt: 0, updatedAt: 0, heardAt: 0, eventIds: [], version: 1 };

/** Stores in which every ticket and placement the tests name was created QUEUED / PENDING, as the API does. */
function setup(): ConsumeDeps & { tickets: MemoryTicketStore; placements: MemoryPlacementStore } {
  const tickets = new MemoryTicketStore();
  const placements = new MemoryPlacementStore();
  for (const ticketId of ["t-sqs", "t-dest", "t-n1", "t-n2", "t-obj", "t-bad", "t-good", "t-deep", "t-foreign"])
    tickets.items.set(ticketId, {
      ...stored,
      ticketId,
      configurationName: "arena.ranked",
      status: "QUEUED",
      players: { p1: {} },
    });
  placements.items.set("plc-eb", {
    ...stored,
    placementId: "plc-eb",
    queueName: "arena-eu",
    status: "PENDING",
    players: {},
  });
  return { tickets, placements, clock: { now: () => NOW }, trust };
}

const statuses = (store: MemoryTicketStore) =>
  [...store.items.values()]
    .filter((t) => t.status !== "QUEUED")
    .map((t) => t.ticketId)
    .sort();

describe("consumeDelivery carriers", () => {
  it("folds an SQS event whose body is the SNS Lambda event a failed invocation stored", async () => {
    const deps = setup();
    const sqs = { Records: [{ messageId: "sqs-1", body: JSON.stringify(snsEvent(searching("t-sqs"))) }] };

    const { outcomes, failure } = await consumeDelivery(sqs, deps);

    expect(failure).toBeUndefined();
    expect(outcomes).toMatchObject([{ kind: "ticket", envelopeId: "e-t-sqs" }]);
    expect(deps.tickets.items.get("t-sqs")?.status).toBe("SEARCHING");
  });

  it("folds a Lambda on-failure destination record (the original event in requestPayload)", async () => {
    const deps = setup();
    const record = { requestContext: { condition: "RetriesExhausted" }, requestPayload: snsEvent(searching("t-dest")) };

    await consumeDelivery(record, deps);

    expect(deps.tickets.items.get("t-dest")?.status).toBe("SEARCHING");
  });

  it("folds an SNS notification body (an SNS subscription DLQ), with or without its MessageId", async () => {
    const deps = setup();

    await consumeDelivery({ Type: "Notification", MessageId: "m-1", Message: JSON.stringify(searching("t-n1")) }, deps);
    await consumeDelivery({ Type: "Notification", Message: JSON.stringify(searching("t-n2")) }, deps);

    expect(statuses(deps.tickets)).toEqual(["t-n1", "t-n2"]);
  });

  it("folds an EventBridge envelope, and an SNS record carrying the envelope as an object", async () => {
    const deps = setup();
    const placement = placementEnvelope("PlacementFulfilled", "plc-eb", {
      id: "e-eb",
      time: NOW,
      players: [{ playerId: "p1", playerSessionId: "psess-1" }],
    });

    await consumeDelivery(placement, deps);
    await consumeDelivery({ Records: [{ Sns: { Message: searching("t-obj") } }] }, deps);

    expect(deps.placements.items.get("plc-eb")?.status).toBe("FULFILLED");
    expect(deps.tickets.items.get("t-obj")?.status).toBe("SEARCHING");
  });

  it("reports what no carrier explains as poison and folds nothing", async () => {
    const deps = setup();
    const nested = JSON.stringify(JSON.stringify(JSON.stringify(JSON.stringify(JSON.stringify(searching("t-deep"))))));

    const { outcomes } = await consumeDelivery(
      { Records: [{ eventSource: "aws:kinesis" }, { body: "not json {" }, { body: nested }] },
      deps,
    );
    const alone = await consumeDelivery(42, deps);

    expect(outcomes.map((o) => o.kind)).toEqual(["poison", "poison", "poison"]);
    expect(alone.outcomes).toMatchObject([{ kind: "poison", error: "not a GameLift event delivery", raw: "42" }]);
    expect(statuses(deps.tickets)).toEqual([]);
  });

  it("attempts every message when one fails, and returns the first infrastructure error", async () => {
    const deps = setup();
    const down = new UnavailableError("DynamoDB is unavailable");
    const tickets = {
      apply: (e: TicketEvent, now: number) =>
        e.ticketId === "t-bad" ? Promise.reject(down) : deps.tickets.apply(e, now),
    };

    const { outcomes, failure } = await consumeDelivery(snsEvent(searching("t-bad"), searching("t-good")), {
      ...deps,
      tickets,
    });

    expect(failure).toBe(down);
    expect(outcomes).toMatchObject([{ kind: "ticket", envelopeId: "e-t-good" }]);
    expect(statuses(deps.tickets)).toEqual(["t-good"]);
  });

  it("refuses a message that is not this stage's without folding it", async () => {
    const deps = setup();

    const { outcomes } = await consumeDelivery(snsEvent({ ...searching("t-foreign"), account: "999999999999" }), deps);

    expect(outcomes).toEqual([
      {
        kind: "rejected",
        envelopeId: "e-t-foreign",
        eventType: "MatchmakingSearching",
        reason: "account is not this stage's",
      },
    ]);
    expect(statuses(deps.tickets)).toEqual([]);
  });
});
