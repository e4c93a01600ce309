import { describe, expect, it } from "vitest";
import { foldPlacement } from "../../../src/domain/placement/fold.js";
import type { PlacementEvent } from "../../../src/domain/events/types.js";
import type { Placement, PlacementStatus } from "../../../src/domain/placement/types.js";

function placement(status: PlacementStatus): Placement {
  return {
    placementId: "p1",
    queueName: "q",
    status,
    playerIds: ["a"],
    players: {},
    createdAt: 1,
    updatedAt: 1,
    heardAt: 1,
    eventIds: [],
    version: 1,
  };
}

function event(status: PlacementStatus, id = "e1"): PlacementEvent {
  return {
    id,
    type: "PlacementFulfilled",
    dedupe: true,
    time: 500,
    placementId: "p1",
    queueName: "q",
    status,
    playerIds: ["a"],
    players: { a: { playerSessionId: "psess-a" } },
  };
}

describe("foldPlacement", () => {
  it.each<[PlacementStatus, PlacementStatus, PlacementStatus | "no-op"]>([
    ["PENDING", "FULFILLED", "FULFILLED"],
    ["PENDING", "TIMED_OUT", "TIMED_OUT"],
    ["FULFILLED", "FAILED", "no-op"],
    ["CANCELLED", "FULFILLED", "no-op"],
  ])("%s + %s event → %s", (from, to, expected) => {
    const next = foldPlacement(placement(from), event(to), 9);

    expect(next === undefined ? "no-op" : next.status).toBe(expected);
  });

  it("never creates a placement from an event (the API stores every placement it starts)", () => {
    expect(foldPlacement(undefined, event("FULFILLED"), 9)).toBeUndefined();
  });

  it("records each player's session, and a terminal state absorbs the same event again", () => {
    const next = foldPlacement(placement("PENDING"), event("FULFILLED"), 9);

    // A terminal state absorbs every later event, so the terminal event's id is not recorded.
    expect(next).toMatchObject({
      placementId: "p1",
      status: "FULFILLED",
      players: { a: { playerSessionId: "psess-a" } },
      eventIds: [],
    });
    expect(next && foldPlacement(next, event("FULFILLED"), 10)).toBeUndefined();
  });

  it("refuses an event naming other players than the placement's", () => {
    expect(
      foldPlacement(
        placement("PENDING"),
        { ...event("FULFILLED"), playerIds: ["mallory"], players: { mallory: {} } },
        9,
      ),
    ).toBeUndefined();
  });

  it("records a non-terminal event's id, so its duplicate is a no-op", () => {
    const next = foldPlacement(placement("PENDING"), event("PENDING"), 9);
    expect(next?.eventIds).toEqual(["e1"]);
    expect(next && foldPlacement(next, event("PENDING"), 10)).toBeUndefined();
  });
});
