/**
 * The event schemas are memoised builders (built on first use, once): decoding must not depend on
 * which event type built its schemas first, and a malformed event is refused the same way on the
 * first call of a fresh module and on every later call.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { once } from "../../../src/domain/once.js";
import { GS_ARN, flexMatchEnvelope, placementEnvelope } from "./fixtures.js";

type Decode = typeof import("../../../src/domain/events/decode.js");
type Schemas = typeof import("../../../src/domain/events/schemas.js");

/** Fresh module instances: nothing built yet. */
async function fresh(): Promise<{ decode: Decode; schemas: Schemas }> {
  vi.resetModules();
  return {
    decode: await import("../../../src/domain/events/decode.js"),
    schemas: await import("../../../src/domain/events/schemas.js"),
  };
}

const badPlacement = (): Record<string, unknown> => {
  const env = placementEnvelope("PlacementFulfilled", "pl-1", { id: "e-bad", time: 1_000 });
  return { ...env, detail: { ...(env["detail"] as Record<string, unknown>), placementId: "", port: "80a" } };
};
const badFlexMatch = (): Record<string, unknown> => {
  const env = flexMatchEnvelope("MatchmakingSucceeded", [{ ticketId: "t1", players: [{ playerId: "" }] }], {
    id: "e-bad",
    time: 1_000,
  });
  return env;
};

describe("once", () => {
  it("builds on the first call only and returns the same value after", () => {
    const build = vi.fn(() => ({ built: true }));
    const get = once(build);
    expect(build).not.toHaveBeenCalled();
    const first = get();
    expect(get()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("builds again after a build that threw (nothing half-built is kept)", () => {
    let calls = 0;
    const get = once(() => {
      calls += 1;
      if (calls === 1) throw new Error("first build fails");
      return calls;
    });
    expect(() => get()).toThrow("first build fails");
    expect(get()).toBe(2);
    expect(get()).toBe(2);
  });
});

describe("event schemas built on first use", () => {
  beforeEach(() => vi.resetModules());

  it("returns the same schema instance on every call", async () => {
    const { schemas } = await fresh();
    expect(schemas.envelopeSchema()).toBe(schemas.envelopeSchema());
    expect(schemas.flexMatchDetailSchema()).toBe(schemas.flexMatchDetailSchema());
    expect(schemas.placementDetailSchema()).toBe(schemas.placementDetailSchema());
    expect(schemas.playerRefSchema()).toBe(schemas.playerRefSchema());
  });

  it("refuses a malformed placement event the same way on the first call of a fresh module and later", async () => {
    const { decode } = await fresh();
    const first = decode.decodeEnvelope(badPlacement());
    expect(first.kind).toBe("poison");
    if (first.kind !== "poison") return;
    expect(first.error).toMatch(/^placementId: /);
    expect(first.error).toMatch(/port: /);
    // After a FlexMatch event built the shared pieces (the loose number) another way round.
    decode.decodeEnvelope(
      flexMatchEnvelope("MatchmakingSucceeded", [{ ticketId: "t1", players: [{ playerId: "a" }] }], {
        id: "e1",
        time: 1_000,
        session: { gameSessionArn: GS_ARN, port: "7777", players: [{ playerId: "a" }] },
      }),
    );
    expect(decode.decodeEnvelope(badPlacement())).toEqual(first);
  });

  it("decodes the same whichever event type arrives first in a fresh module", async () => {
    const placementFirst = await fresh();
    const p1 = placementFirst.decode.decodeEnvelope(badPlacement());
    const f1 = placementFirst.decode.decodeEnvelope(badFlexMatch());
    const flexMatchFirst = await fresh();
    const f2 = flexMatchFirst.decode.decodeEnvelope(badFlexMatch());
    const p2 = flexMatchFirst.decode.decodeEnvelope(badPlacement());
    expect(f1.kind).toBe("poison");
    expect(f2).toEqual(f1);
    expect(p2).toEqual(p1);
  });
});
