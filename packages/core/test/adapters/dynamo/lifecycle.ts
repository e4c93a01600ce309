import fc from "fast-check";
import type { ObservedTicket } from "../../../src/domain/ticket/observe.js";
import type { TicketStatus } from "../../../src/domain/ticket/types.js";
import { flexMatchEnvelope, GS_ARN } from "../../domain/events/fixtures.js";

/** One GameLift event of a generated lifecycle (already an envelope). */
interface LifecycleStep {
  readonly envelope: Record<string, unknown>;
  /** The ticket status right after this event, per GameLift. */
  readonly status: TicketStatus;
}

/** A valid ticket lifecycle: the events GameLift emits, and where the ticket truly ends. */
export interface Lifecycle {
  readonly ticketId: string;
  readonly steps: readonly LifecycleStep[];
  readonly truth: ObservedTicket;
}

type Ending = "COMPLETED" | "TIMED_OUT" | "CANCELLED" | "FAILED" | "OPEN";
type Round = { acceptance: boolean; accepts: number; outcome: "accepted" | "rejectedBack" | "rejectedCancelled" };

const round: fc.Arbitrary<Round> = fc.record({
  acceptance: fc.boolean(),
  accepts: fc.integer({ min: 0, max: 2 }),
  outcome: fc.constantFrom("accepted" as const, "rejectedBack" as const, "rejectedCancelled" as const),
});

/** The shape of a lifecycle, independent of the ticket id (so shrinking never reuses stored state). */
export interface LifecycleShape {
  readonly rounds: readonly Round[];
  readonly ending: Ending;
}

/** Arbitrary lifecycle shapes: up to three match proposals, then an ending (or none yet). */
export const lifecycleShapeArb: fc.Arbitrary<LifecycleShape> = fc.record({
  rounds: fc.array(round, { maxLength: 3 }),
  ending: fc.constantFrom<Ending>("COMPLETED", "TIMED_OUT", "CANCELLED", "FAILED", "OPEN"),
});

/** Builds the valid lifecycle of `shape` for ticket `ticketId` (two players, times strictly increasing). */
export function buildLifecycle(ticketId: string, shape: LifecycleShape): Lifecycle {
  return build(ticketId, shape.rounds, shape.ending);
}

function build(ticketId: string, rounds: readonly Round[], ending: Ending): Lifecycle {
  const players = [{ playerId: `${ticketId}-a` }, { playerId: `${ticketId}-b` }];
  const teamed = players.map((p, i) => ({ ...p, team: i === 0 ? "red" : "blue" }));
  const steps: LifecycleStep[] = [];
  let time = 100_000;
  let n = 0;
  const emit = (
    type: string,
    status: TicketStatus,
    ps: readonly object[],
    extra: Record<string, unknown> = {},
    session: Record<string, unknown> = {},
  ): void => {
    time += 1_000;
    n += 1;
    steps.push({
      envelope: flexMatchEnvelope(type, [{ ticketId, players: ps as never }], {
        id: `${ticketId}-e${n}`,
        time,
        extra,
        session,
      }),
      status,
    });
  };
  emit("MatchmakingSearching", "SEARCHING", players, { estimatedWaitMillis: "NOT_AVAILABLE" });
  let placing = false;
  for (const r of rounds) {
    const matchId = `${ticketId}-m${n}`;
    if (!r.acceptance) {
      emit("PotentialMatchCreated", "PLACING", teamed, { matchId, acceptanceRequired: false });
      placing = true;
      break;
    }
    emit("PotentialMatchCreated", "REQUIRES_ACCEPTANCE", teamed, {
      matchId,
      acceptanceRequired: true,
      acceptanceTimeout: 10,
    });
    for (let i = 0; i < r.accepts; i += 1)
      emit(
        "AcceptMatch",
        "REQUIRES_ACCEPTANCE",
        teamed.map((p, j) => (j <= i ? { ...p, accepted: true } : p)),
        { matchId },
      );
    if (r.outcome === "accepted") {
      emit("AcceptMatchCompleted", "PLACING", teamed, { matchId, acceptance: "Accepted" });
      placing = true;
      break;
    }
    emit("AcceptMatchCompleted", "SEARCHING", teamed, { matchId, acceptance: "Rejected" });
    if (r.outcome === "rejectedCancelled") {
      emit("MatchmakingCancelled", "CANCELLED", players, { reason: "Cancelled", message: "Cancelled by request." });
      return finish(ticketId, steps, "CANCELLED", players);
    }
    emit("MatchmakingSearching", "SEARCHING", players, { estimatedWaitMillis: 5 });
  }
  const sessions = teamed.map((p) => ({ ...p, playerSessionId: `psess-${p.playerId}` }));
  const connection = { gameSessionArn: GS_ARN, ipAddress: "10.1.2.3", dnsName: "gs.example", port: 7777 };
  switch (ending) {
    case "COMPLETED":
      if (!placing)
        emit("PotentialMatchCreated", "PLACING", teamed, { matchId: `${ticketId}-mx`, acceptanceRequired: false });
      emit("MatchmakingSucceeded", "COMPLETED", sessions, { matchId: `${ticketId}-final` }, connection);
      return finish(ticketId, steps, "COMPLETED", sessions, connection);
    case "TIMED_OUT":
      emit("MatchmakingTimedOut", "TIMED_OUT", players, { reason: "TimedOut" });
      return finish(ticketId, steps, "TIMED_OUT", players);
    case "CANCELLED":
      if (placing) return finish(ticketId, steps, "PLACING", teamed); // StopMatchmaking is refused while PLACING
      emit("MatchmakingCancelled", "CANCELLED", players, { reason: "Cancelled" });
      return finish(ticketId, steps, "CANCELLED", players);
    case "FAILED":
      emit("MatchmakingFailed", "FAILED", players, { reason: "UNEXPECTED_ERROR" });
      return finish(ticketId, steps, "FAILED", players);
    case "OPEN":
      return finish(ticketId, steps, steps[steps.length - 1]?.status ?? "SEARCHING", placing ? teamed : players);
  }
}

function finish(
  ticketId: string,
  steps: LifecycleStep[],
  status: TicketStatus,
  players: readonly { playerId: string; team?: string; playerSessionId?: string }[],
  connection?: { gameSessionArn: string; ipAddress: string; dnsName: string; port: number },
): Lifecycle {
  return {
    ticketId,
    steps,
    truth: {
      ticketId,
      configurationName: "arena.ranked",
      status,
      players: players.map((p) => ({ playerId: p.playerId, ...(p.team ? { team: p.team } : {}) })),
      ...(connection
        ? {
            connection: {
              ...connection,
              playerSessions: players.flatMap((p) =>
                p.playerSessionId ? [{ playerId: p.playerId, playerSessionId: p.playerSessionId }] : [],
              ),
            },
          }
        : {}),
    },
  };
}

/** A delivery: indices into `steps`, with drops, duplicates, any order. */
export function deliveryArb(length: number): fc.Arbitrary<number[]> {
  if (length === 0) return fc.constant([]);
  return fc
    .array(fc.record({ i: fc.integer({ min: 0, max: length - 1 }), key: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      maxLength: length * 2,
    })
    .map((xs) => xs.sort((a, b) => a.key - b.key).map((x) => x.i));
}
