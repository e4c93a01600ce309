import { describe, expect, it } from "vitest";
import {
  ConflictError,
  endGameSession,
  newPlayer,
  NotPermittedError,
  openskillModel,
  RatingsChangedError,
  recordMatchResult,
  reportFingerprint,
  ResultExistsError,
  fleetsOf,
  principalOf,
  type MatchResult,
  type MatchResultPort,
  type Player,
  type RatingWrite,
  type Ticket,
} from "../../../src/index.js";

const ARN = "arn:aws:gamelift:us-east-1::gamesession/fleet-aaaa-1/gs-1";

function ticket(ticketId: string, teams: Record<string, string>, arn = ARN): Ticket {
  return {
    ticketId,
    configurationName: "arena",
    status: "COMPLETED",
    playerIds: Object.keys(teams),
    players: Object.fromEntries(Object.entries(teams).map(([p, team]) => [p, { team }])),
    connection: { gameSessionArn: arn, ipAddress: "127.0.0.1", dnsName: "local", port: 7777 },
    createdAt: 0,
    updatedAt: 0,
    heardAt: 0,
    eventIds: [],
    version: 3,
  };
}

/** In-memory results + players; `failures` are thrown by the next record() calls, in order. */
function memory(failures: Error[] = []) {
  const players = new Map<string, Player>();
  let stored: MatchResult | undefined;
  const records: RatingWrite[][] = [];
  const results: MatchResultPort = {
    get: async () => stored,
    record: async (result, writes) => {
      const f = failures.shift();
      if (f) throw f;
      stored = result;
      records.push([...writes]);
    },
  };
  return { players, results, records, setStored: (r: MatchResult) => (stored = r) };
}

const tickets = {
  listByGameSession: async () => [ticket("t1", { a: "red", b: "red" }), ticket("t2", { c: "blue", d: "blue" })],
};
const report = {
  teams: [
    { team: "red", rank: 1 },
    { team: "blue", rank: 2 },
  ],
};

describe("recordMatchResult", () => {
  it("rates the roster from several tickets and writes each player's whole ratings map with its version", async () => {
    const m = memory();
    m.players.set("a", {
      ...newPlayer("a", 0),
      ratings: { other: { mu: 30, sigma: 4, matches: 9 } },
      ratingsVersion: 4,
    });

    const out = await recordMatchResult(
      {
        tickets,
        players: { get: async (id) => m.players.get(id) },
        results: m.results,
        model: openskillModel,
        clock: { now: () => 1000 },
      },
      { gameSessionId: "gs-1", report, fleets: ["fleet-aaaa-1"] },
    );

    expect(out.created).toBe(true);
    expect(out.result.changes.map((c) => c.playerId)).toEqual(["a", "b", "c", "d"]);
    const a = m.records[0]?.find((w) => w.playerId === "a");
    expect(a?.expectedVersion).toBe(4);
    expect(Object.keys(a?.ratings ?? {}).sort()).toEqual(["arena", "other"]);
    expect(m.records[0]?.find((w) => w.playerId === "b")?.expectedVersion).toBeUndefined();
  });

  it("rates again when a player's ratings moved, and answers with the stored result when another writer won", async () => {
    const moved = memory([new RatingsChangedError()]);
    const deps = (m: ReturnType<typeof memory>) => ({
      tickets,
      players: { get: async (id: string) => m.players.get(id) },
      results: m.results,
      model: openskillModel,
      clock: { now: () => 1 },
    });
    expect((await recordMatchResult(deps(moved), { gameSessionId: ARN, report, fleets: "*" })).created).toBe(true);

    const lost = memory([new ResultExistsError()]);
    const theirs = { gameSessionArn: ARN, pool: "arena", report, reportHash: "", changes: [], recordedAt: 5 };
    // A concurrent identical report lands between our read and our transaction.
    const racing = {
      ...lost.results,
      record: async (r: MatchResult, w: readonly RatingWrite[]) => {
        lost.setStored({ ...theirs, reportHash: reportFingerprint(report) });
        return lost.results.record(r, w);
      },
    };
    const out = await recordMatchResult(
      { ...deps(lost), results: racing },
      { gameSessionId: ARN, report, fleets: "*" },
    );
    expect(out).toMatchObject({ created: false, result: { recordedAt: 5 } });
  });

  it("refuses another fleet's session, and a bare id shared by two sessions", async () => {
    const m = memory();
    const deps = {
      tickets,
      players: { get: async () => undefined },
      results: m.results,
      model: openskillModel,
      clock: { now: () => 1 },
    };
    await expect(
      recordMatchResult(deps, { gameSessionId: ARN, report, fleets: ["fleet-bbbb-2"] }),
    ).rejects.toBeInstanceOf(NotPermittedError);
    await expect(recordMatchResult(deps, { gameSessionId: ARN, report, fleets: [] })).rejects.toBeInstanceOf(
      NotPermittedError,
    );

    const twins = {
      listByGameSession: async () => [
        ticket("t1", { a: "red" }),
        ticket("t2", { c: "blue" }, "arn:aws:gamelift:us-east-1::gamesession/fleet-bbbb-2/gs-1"),
      ],
    };
    await expect(
      recordMatchResult({ ...deps, tickets: twins }, { gameSessionId: "gs-1", report, fleets: "*" }),
    ).rejects.toMatchObject({ code: "AMBIGUOUS_GAME_SESSION" });
    await expect(
      recordMatchResult({ ...deps, tickets: twins }, { gameSessionId: "gs-1", report, fleets: "*" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("endGameSession", () => {
  it("releases every ticket's players, conditionally on that ticket", async () => {
    const released: [string, readonly string[]][] = [];
    const out = await endGameSession(
      { tickets, players: { releaseActiveTicket: async (t, ps) => void released.push([t, ps]) } },
      { gameSessionId: ARN, fleets: ["fleet-aaaa-1"] },
    );
    expect(released).toEqual([
      ["t1", ["a", "b"]],
      ["t2", ["c", "d"]],
    ]);
    expect(out).toEqual({ gameSessionArn: ARN, playerIds: ["a", "b", "c", "d"] });
  });
});

describe("server principals", () => {
  it("reduce an assumed-role session to its role, and find the role's fleets", () => {
    const map = {
      "arn:aws:iam::111122223333:role/arena-fleet": ["fleet-1"],
      "arn:aws:iam::111122223333:user/ops": "*" as const,
    };
    expect(principalOf("arn:aws:sts::111122223333:assumed-role/arena-fleet/i-0abc")).toBe(
      "arn:aws:iam::111122223333:role/arena-fleet",
    );
    expect(fleetsOf(map, "arn:aws:sts::111122223333:assumed-role/arena-fleet/i-0abc")).toEqual(["fleet-1"]);
    expect(fleetsOf(map, "arn:aws:iam::111122223333:user/ops")).toBe("*");
    expect(fleetsOf(map, "arn:aws:sts::111122223333:assumed-role/other/i-0abc")).toEqual([]);
  });
});
