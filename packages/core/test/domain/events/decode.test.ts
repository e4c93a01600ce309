import { describe, expect, it } from "vitest";
import { decodeEnvelope, decodeMessage } from "../../../src/domain/events/decode.js";
import { unwrapDelivery } from "../../../src/domain/events/unwrap.js";
import { GS_ARN, flexMatchEnvelope, placementEnvelope, snsEvent } from "./fixtures.js";

const two = [
  { ticketId: "t1", players: [{ playerId: "a", team: "red", playerSessionId: "psess-a" }] },
  {
    ticketId: "t2",
    players: [
      { playerId: "b", team: "blue" },
      { playerId: "c", team: "blue" },
    ],
  },
];

describe("decodeEnvelope", () => {
  it("fans a MatchmakingSucceeded event out per ticket with each player's own session", () => {
    const env = flexMatchEnvelope("MatchmakingSucceeded", two, {
      id: "e1",
      time: 5_000,
      extra: { matchId: "m1" },
      session: {
        gameSessionArn: GS_ARN,
        ipAddress: "10.0.0.1",
        dnsName: "x.example",
        port: 7777,
        players: [
          { playerId: "a", team: "red", playerSessionId: "psess-a" },
          { playerId: "b", team: "blue", playerSessionId: "psess-b" },
          { playerId: "c", team: "blue", playerSessionId: "psess-c" },
        ],
      },
    });

    const d = decodeEnvelope(env);

    expect(d.kind).toBe("ticket");
    if (d.kind !== "ticket") return;
    expect(d.events.map((e) => [e.ticketId, e.status])).toEqual([
      ["t1", "COMPLETED"],
      ["t2", "COMPLETED"],
    ]);
    expect(d.events[1]?.players).toEqual({
      b: { team: "blue", playerSessionId: "psess-b" },
      c: { team: "blue", playerSessionId: "psess-c" },
    });
    expect(d.events[0]?.connection).toEqual({
      gameSessionArn: GS_ARN,
      ipAddress: "10.0.0.1",
      dnsName: "x.example",
      port: 7777,
    });
    expect(d.events[0]?.configurationName).toBe("arena.ranked");
  });

  it.each([
    [12, 12],
    ["30", 30],
    ["NOT_AVAILABLE", undefined],
  ])("reads estimatedWaitMillis %j as %j seconds", (raw, seconds) => {
    const d = decodeEnvelope(
      flexMatchEnvelope("MatchmakingSearching", two, { id: "e", time: 1, extra: { estimatedWaitMillis: raw } }),
    );

    expect(d.kind).toBe("ticket");
    expect(d.kind === "ticket" ? d.events[0]?.estimatedWaitSeconds : "not a ticket event").toBe(seconds);
  });

  it("reads the placement port string as a number", () => {
    const d = decodeEnvelope(
      placementEnvelope("PlacementFulfilled", "plc-1", {
        id: "p",
        time: 9,
        players: [{ playerId: "a", playerSessionId: "psess-a" }],
      }),
    );

    expect(d.kind).toBe("placement");
    if (d.kind !== "placement") return;
    expect(d.events[0]?.connection?.port).toBe(7777);
    expect(d.events[0]?.players).toEqual({ a: { playerSessionId: "psess-a" } });
    expect(d.events[0]?.queueName).toBe("arena-eu");
  });

  it.each([
    ["MatchmakingSearching", {}, "SEARCHING"],
    ["PotentialMatchCreated", { matchId: "m", acceptanceRequired: true, acceptanceTimeout: 10 }, "REQUIRES_ACCEPTANCE"],
    ["PotentialMatchCreated", { matchId: "m", acceptanceRequired: false }, "PLACING"],
    ["AcceptMatch", { matchId: "m" }, "REQUIRES_ACCEPTANCE"],
    ["AcceptMatchCompleted", { matchId: "m", acceptance: "Accepted" }, "PLACING"],
    ["MatchmakingSucceeded", { matchId: "m" }, "COMPLETED"],
    [
      "MatchmakingTimedOut",
      { reason: "TimedOut", message: "Removed from matchmaking due to timing out." },
      "TIMED_OUT",
    ],
    ["MatchmakingCancelled", { reason: "Cancelled", message: "Cancelled by request." }, "CANCELLED"],
    ["MatchmakingFailed", { reason: "UNEXPECTED_ERROR" }, "FAILED"],
  ])("maps %s %j to %s", (type, extra, status) => {
    const d = decodeEnvelope(flexMatchEnvelope(type, two, { id: "x", time: 1, extra }));

    expect(d.kind === "ticket" ? d.events.map((e) => e.status) : d.kind).toEqual([status, status]);
  });

  it.each([
    ["PlacementFulfilled", "FULFILLED"],
    ["PlacementCancelled", "CANCELLED"],
    ["PlacementTimedOut", "TIMED_OUT"],
    ["PlacementFailed", "FAILED"],
  ])("maps %s to %s", (type, status) => {
    const d = decodeEnvelope(placementEnvelope(type, "plc-1", { id: "p", time: 1 }));

    expect(d.kind === "placement" ? d.events.map((e) => e.status) : d.kind).toEqual([status]);
  });

  it("reports an unknown detail type as unknown, not poison", () => {
    expect(decodeEnvelope(flexMatchEnvelope("MatchmakingBrandNew", two, { id: "u", time: 1 })).kind).toBe("unknown");
  });

  it.each([
    ["not JSON", "{oops"],
    [
      "no id",
      JSON.stringify({ "detail-type": "x", time: "2026-01-01T00:00:00Z", detail: { type: "MatchmakingSearching" } }),
    ],
    [
      "tickets missing",
      JSON.stringify({
        ...flexMatchEnvelope("MatchmakingSearching", [], { id: "x", time: 1 }),
        detail: { type: "MatchmakingSearching" },
      }),
    ],
    [
      "bad time",
      JSON.stringify({ ...flexMatchEnvelope("MatchmakingSearching", two, { id: "x", time: 1 }), time: "yesterday" }),
    ],
  ])("reports poison: %s", (_name, message) => {
    expect(decodeMessage(message).kind).toBe("poison");
  });

  it("maps AcceptMatchCompleted: Accepted → PLACING, otherwise SEARCHING (never a guessed terminal)", () => {
    const ok = decodeEnvelope(
      flexMatchEnvelope("AcceptMatchCompleted", two, { id: "a", time: 1, extra: { acceptance: "Accepted" } }),
    );
    const no = decodeEnvelope(
      flexMatchEnvelope("AcceptMatchCompleted", two, { id: "b", time: 1, extra: { acceptance: "TimedOut" } }),
    );

    expect(ok.kind === "ticket" && ok.events[0]?.status).toBe("PLACING");
    expect(no.kind === "ticket" && no.events[0]?.status).toBe("SEARCHING");
  });

  it("records an auto-backfill ticket against its game session", () => {
    const env = flexMatchEnvelope("MatchmakingSearching", [{ ticketId: "auto-backfill-1", players: [] }], {
      id: "bf",
      time: 1,
      session: { gameSessionArn: GS_ARN },
    });
    const d = decodeEnvelope(env);

    expect(d.kind === "ticket" && d.events[0]?.backfillOf).toBe(GS_ARN);
  });
});

describe("unwrapDelivery", () => {
  it("takes every SNS record, an EventBridge envelope, an SQS body and a Lambda failure record", () => {
    const env = flexMatchEnvelope("MatchmakingSearching", two, { id: "e", time: 1 });
    const sns = snsEvent(env, env);
    const sqs = {
      Records: [
        {
          messageId: "q1",
          body: JSON.stringify({ Type: "Notification", MessageId: "m", Message: JSON.stringify(env) }),
        },
      ],
    };
    const onFailure = {
      Records: [{ messageId: "q2", body: JSON.stringify({ requestContext: { requestId: "r" }, requestPayload: sns }) }],
    };

    expect(unwrapDelivery(sns)).toHaveLength(2);
    expect(unwrapDelivery(env)).toEqual([{ via: "eventbridge", body: env }]);
    expect(unwrapDelivery(sqs).map((m) => m.via)).toEqual(["sqs"]);
    expect(unwrapDelivery(onFailure)).toHaveLength(2);
  });
});
