import {
  CreateGameSessionCommand,
  CreatePlayerSessionCommand,
  CreatePlayerSessionsCommand,
  DescribeFleetUtilizationCommand,
  DescribeGameSessionDetailsCommand,
  DescribeGameSessionsCommand,
  DescribePlayerSessionsCommand,
  SearchGameSessionsCommand,
  TerminateGameSessionCommand,
  UpdateGameSessionCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeFleet } from "../../fixtures.js";
import { startHarness, type Harness } from "../../helpers.js";

describe("game and player sessions", () => {
  let h: Harness;
  let gl: GameLiftClient;
  let fleetId: string;
  beforeEach(async () => {
    h = await startHarness();
    gl = h.json;
    ({ fleetId } = await activeFleet(h, gl, { instances: 1, processes: 3 }));
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  const create = async (extra: Record<string, unknown> = {}): Promise<string> => {
    const out = await gl.send(
      new CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 2, ...extra }),
    );
    return out.GameSession?.GameSessionId ?? "";
  };

  it("creates a game session that is ACTIVATING, then ACTIVE on a tick", async () => {
    const out = await gl.send(
      new CreateGameSessionCommand({
        FleetId: fleetId,
        MaximumPlayerSessionCount: 2,
        Name: "g",
        IdempotencyToken: "match-9f2e",
      }),
    );
    expect(out.GameSession).toMatchObject({
      GameSessionId: `arn:aws:gamelift:us-east-1::gamesession/${fleetId}/match-9f2e`,
      Status: "ACTIVATING",
      IpAddress: "127.0.0.1",
      Port: 7000,
      CurrentPlayerSessionCount: 0,
      PlayerSessionCreationPolicy: "ACCEPT_ALL",
      Location: "us-east-1",
    });
    await h.advance(100);
    const d = await gl.send(new DescribeGameSessionsCommand({ GameSessionId: out.GameSession?.GameSessionId }));
    expect(d.GameSessions?.[0]?.Status).toBe("ACTIVE");
  });

  it("returns the original session for a repeated IdempotencyToken", async () => {
    const a = await create({ IdempotencyToken: "same" });
    const b = await create({ IdempotencyToken: "same" });
    expect(b).toBe(a);
    // Documented: a repeated token returns the original session, whatever the other parameters say.
    expect(await create({ IdempotencyToken: "same", MaximumPlayerSessionCount: 9 })).toBe(a);
    // The deprecated custom GameSessionId is the one that conflicts.
    const c = await create({ GameSessionId: "custom-id" });
    expect(await create({ GameSessionId: "custom-id" })).toBe(c);
    await expect(create({ GameSessionId: "custom-id", MaximumPlayerSessionCount: 9 })).rejects.toMatchObject({
      name: "IdempotentParameterMismatchException",
    });
  });

  it("refuses a session when every process is busy (FleetCapacityExceededException)", async () => {
    await create();
    await create();
    await create();
    await expect(create()).rejects.toMatchObject({ name: "FleetCapacityExceededException" });
    const util = await gl.send(new DescribeFleetUtilizationCommand({ FleetIds: [fleetId] }));
    expect(util.FleetUtilization?.[0]).toMatchObject({ ActiveServerProcessCount: 3 });
  });

  it("requires exactly one of FleetId and AliasId", async () => {
    await expect(gl.send(new CreateGameSessionCommand({ MaximumPlayerSessionCount: 2 }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("reserves player sessions up to the maximum, then GameSessionFullException", async () => {
    const GameSessionId = await create();
    await expect(gl.send(new CreatePlayerSessionCommand({ GameSessionId, PlayerId: "early" }))).rejects.toMatchObject({
      name: "InvalidGameSessionStatusException",
    });
    await h.advance(100);
    const one = await gl.send(new CreatePlayerSessionCommand({ GameSessionId, PlayerId: "p1", PlayerData: "d" }));
    expect(one.PlayerSession).toMatchObject({
      PlayerId: "p1",
      Status: "RESERVED",
      IpAddress: "127.0.0.1",
      Port: 7000,
      PlayerData: "d",
    });
    expect(one.PlayerSession?.PlayerSessionId).toMatch(/^psess-/);
    await expect(
      gl.send(new CreatePlayerSessionsCommand({ GameSessionId, PlayerIds: ["p2", "p3"] })),
    ).rejects.toMatchObject({
      name: "GameSessionFullException",
    });
    const two = await gl.send(
      new CreatePlayerSessionsCommand({ GameSessionId, PlayerIds: ["p2"], PlayerDataMap: { p2: "x" } }),
    );
    expect(two.PlayerSessions?.map((p) => [p.PlayerId, p.PlayerData])).toEqual([["p2", "x"]]);
  });

  it("honours PlayerSessionCreationPolicy DENY_ALL", async () => {
    const GameSessionId = await create();
    await h.advance(100);
    await gl.send(new UpdateGameSessionCommand({ GameSessionId, PlayerSessionCreationPolicy: "DENY_ALL" }));
    await expect(gl.send(new CreatePlayerSessionCommand({ GameSessionId, PlayerId: "p" }))).rejects.toMatchObject({
      name: "GameSessionFullException",
    });
  });

  it("times out RESERVED player sessions after 60 seconds", async () => {
    const GameSessionId = await create();
    await h.advance(100);
    await gl.send(new CreatePlayerSessionCommand({ GameSessionId, PlayerId: "p" }));
    await h.advance(60_000, 10_000);
    const d = await gl.send(new DescribePlayerSessionsCommand({ PlayerId: "p" }));
    expect(d.PlayerSessions?.[0]?.Status).toBe("TIMEDOUT");
  });

  it("updates a session: properties added or overwritten, protection in the details", async () => {
    const GameSessionId = await create({ GameProperties: [{ Key: "mode", Value: "duel" }] });
    await gl.send(
      new UpdateGameSessionCommand({
        GameSessionId,
        MaximumPlayerSessionCount: 8,
        Name: "renamed",
        ProtectionPolicy: "FullProtection",
        GameProperties: [
          { Key: "mode", Value: "ffa" },
          { Key: "map", Value: "dust" },
        ],
      }),
    );
    const d = await gl.send(new DescribeGameSessionDetailsCommand({ FleetId: fleetId }));
    expect(d.GameSessionDetails?.[0]).toMatchObject({
      ProtectionPolicy: "FullProtection",
      GameSession: {
        Name: "renamed",
        MaximumPlayerSessionCount: 8,
        GameProperties: [
          { Key: "mode", Value: "ffa" },
          { Key: "map", Value: "dust" },
        ],
      },
    });
  });

  it("terminates a session gracefully (TERMINATING, then TERMINATED) and completes its players", async () => {
    const GameSessionId = await create();
    await h.advance(100);
    await gl.send(new CreatePlayerSessionCommand({ GameSessionId, PlayerId: "p" }));
    const t = await gl.send(
      new TerminateGameSessionCommand({ GameSessionId, TerminationMode: "TRIGGER_ON_PROCESS_TERMINATE" }),
    );
    expect(t.GameSession).toMatchObject({ Status: "TERMINATING", StatusReason: "TRIGGERED_ON_PROCESS_TERMINATE" });
    await h.advance(100);
    const d = await gl.send(new DescribeGameSessionsCommand({ FleetId: fleetId, StatusFilter: "TERMINATED" }));
    expect(d.GameSessions?.map((s) => s.GameSessionId)).toEqual([GameSessionId]);
    expect(d.GameSessions?.[0]?.TerminationTime).toBeInstanceOf(Date);
    const p = await gl.send(new DescribePlayerSessionsCommand({ GameSessionId }));
    expect(p.PlayerSessions?.[0]?.Status).toBe("COMPLETED");
    await expect(
      gl.send(new TerminateGameSessionCommand({ GameSessionId, TerminationMode: "FORCE_TERMINATE" })),
    ).rejects.toMatchObject({
      name: "InvalidGameSessionStatusException",
    });
  });

  it("describes player sessions by exactly one selector", async () => {
    await expect(gl.send(new DescribePlayerSessionsCommand({}))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("searches ACTIVE sessions with a filter and sort expression", async () => {
    const duel = await create({
      Name: "a",
      GameProperties: [{ Key: "mode", Value: "duel" }],
      MaximumPlayerSessionCount: 2,
    });
    const big = await create({
      Name: "b",
      GameProperties: [{ Key: "mode", Value: "ffa" }],
      MaximumPlayerSessionCount: 10,
    });
    const full = await create({
      Name: "c",
      GameProperties: [{ Key: "mode", Value: "duel" }],
      MaximumPlayerSessionCount: 1,
    });
    await h.advance(100);
    await gl.send(new CreatePlayerSessionCommand({ GameSessionId: full, PlayerId: "x" }));
    const search = async (FilterExpression?: string, SortExpression?: string): Promise<(string | undefined)[]> =>
      (
        (await gl.send(new SearchGameSessionsCommand({ FleetId: fleetId, FilterExpression, SortExpression })))
          .GameSessions ?? []
      ).map((s) => s.GameSessionId);
    expect(
      await search(
        "hasAvailablePlayerSessions = true AND (gameSessionProperties.mode = 'duel' OR playerSessionCount < 4)",
      ),
    ).toEqual([duel, big]);
    expect(await search("gameSessionProperties.mode = 'duel'", "maximumSessions DESC")).toEqual([duel, full]);
    expect(await search("NOT gameSessionName = 'b'", "gameSessionName DESC")).toEqual([full, duel]);
    expect(await search(undefined, "maximumSessions ASC")).toEqual([full, duel, big]);
    await expect(search("maximumSessions > 'x'")).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(search("mode = 'duel'")).rejects.toMatchObject({ name: "InvalidRequestException" });
  });
});
