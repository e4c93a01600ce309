import {
  DeleteGameSessionQueueCommand,
  DescribeGameSessionPlacementCommand,
  DescribeGameSessionsCommand,
  DescribePlayerSessionsCommand,
  StartGameSessionPlacementCommand,
  StopGameSessionPlacementCommand,
  TerminateGameSessionCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getPlacement, startPlacement } from "../../../src/engines/placement/index.js";
import type { PlacementRecord } from "../../../src/engines/state/records.js";
import { activeFleet, queue } from "../../fixtures.js";
import { startHarness, type Harness } from "../../helpers.js";

describe("game session placement", () => {
  let h: Harness;
  let gl: GameLiftClient;
  beforeEach(async () => {
    h = await startHarness();
    gl = h.json;
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  const status = async (PlacementId: string): Promise<string | undefined> =>
    (await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId }))).GameSessionPlacement?.Status;
  const events = (): { detail: Record<string, unknown>; resources: string[] }[] =>
    h.events.map((e) => JSON.parse(e.message) as { detail: Record<string, unknown>; resources: string[] });

  it("fulfills a placement on the next tick with a session, player sessions and a PlacementFulfilled event", async () => {
    const { fleetId, fleetArn } = await activeFleet(h, gl);
    const queueArn = await queue(gl, "arena", [fleetArn]);
    const started = await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "p-1",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 4,
        GameProperties: [{ Key: "mode", Value: "duel" }],
        DesiredPlayerSessions: [{ PlayerId: "alice", PlayerData: "a" }, { PlayerId: "bob" }],
      }),
    );
    expect(started.GameSessionPlacement).toMatchObject({
      Status: "PENDING",
      StartTime: new Date("2026-05-01T12:00:03.000Z"),
    });
    await h.advance(100);
    const p = (await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId: "p-1" }))).GameSessionPlacement;
    expect(p).toMatchObject({
      Status: "FULFILLED",
      IpAddress: "127.0.0.1",
      GameSessionRegion: "us-east-1",
      Port: 7000,
    });
    expect(p?.GameSessionArn).toMatch(new RegExp(`^arn:aws:gamelift:us-east-1::gamesession/${fleetId}/[0-9a-f-]{36}$`));
    expect(p?.DnsName).toMatch(/amazonaws\.com$/);
    expect(p?.PlacedPlayerSessions?.map((s) => s.PlayerId)).toEqual(["alice", "bob"]);
    const sessions = await gl.send(new DescribeGameSessionsCommand({ FleetId: fleetId }));
    expect(sessions.GameSessions?.[0]).toMatchObject({
      Status: "ACTIVE",
      CurrentPlayerSessionCount: 2,
      GameSessionId: p?.GameSessionId,
    });
    const players = await gl.send(new DescribePlayerSessionsCommand({ GameSessionId: p?.GameSessionId }));
    expect(players.PlayerSessions?.map((s) => [s.PlayerId, s.Status, s.PlayerData])).toEqual([
      ["alice", "RESERVED", "a"],
      ["bob", "RESERVED", undefined],
    ]);

    expect(h.events).toHaveLength(1);
    expect(h.events[0]?.topicArn).toBe("arn:aws:sns:us-east-1:123456789012:events");
    const envelope = JSON.parse(h.events[0]?.message ?? "{}") as Record<string, unknown>;
    expect(envelope).toMatchObject({
      version: "0",
      source: "aws.gamelift",
      "detail-type": "GameLift Queue Placement Event",
      account: "123456789012",
      region: "us-east-1",
      resources: [queueArn],
      detail: {
        type: "PlacementFulfilled",
        placementId: "p-1",
        port: "7000",
        gameSessionArn: p?.GameSessionArn,
        ipAddress: "127.0.0.1",
        gameSessionRegion: "us-east-1",
        startTime: "2026-05-01T12:00:03.000Z",
        endTime: "2026-05-01T12:00:03.100Z",
        placedPlayerSessions: p?.PlacedPlayerSessions?.map((s) => ({
          playerId: s.PlayerId,
          playerSessionId: s.PlayerSessionId,
        })),
      },
    });
  });

  it("waits while the fleet is full and places once a process is freed", async () => {
    const { fleetId, fleetArn } = await activeFleet(h, gl, { instances: 1, processes: 1 });
    await queue(gl, "arena", [fleetArn]);
    for (const PlacementId of ["first", "second"]) {
      await gl.send(
        new StartGameSessionPlacementCommand({
          PlacementId,
          GameSessionQueueName: "arena",
          MaximumPlayerSessionCount: 2,
        }),
      );
    }
    await h.advance(1000);
    expect([await status("first"), await status("second")]).toEqual(["FULFILLED", "PENDING"]);
    const GameSessionId = (await gl.send(new DescribeGameSessionsCommand({ FleetId: fleetId }))).GameSessions?.[0]
      ?.GameSessionId;
    await gl.send(new TerminateGameSessionCommand({ GameSessionId, TerminationMode: "FORCE_TERMINATE" }));
    await h.advance(100);
    expect(await status("second")).toBe("FULFILLED");
  });

  it("times out after the queue's TimeoutInSeconds with PlacementTimedOut", async () => {
    const { fleetArn } = await activeFleet(h, gl, { instances: 0 });
    await queue(gl, "arena", [fleetArn], { TimeoutInSeconds: 10 });
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "late",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await h.advance(9900, 1000);
    expect(await status("late")).toBe("PENDING");
    await h.advance(100);
    expect(await status("late")).toBe("TIMED_OUT");
    expect(events().map((e) => e.detail.type)).toEqual(["PlacementTimedOut"]);
  });

  it("relaxes the latency policy over time and picks the lowest average latency", async () => {
    const { fleetArn } = await activeFleet(h, gl, { instances: 1, locations: ["us-east-1", "us-west-2", "eu-west-1"] });
    await queue(gl, "arena", [fleetArn], {
      PlayerLatencyPolicies: [
        { MaximumIndividualPlayerLatencyMilliseconds: 200 },
        { MaximumIndividualPlayerLatencyMilliseconds: 50, PolicyDurationSeconds: 5 },
      ],
    });
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "lat",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
        PlayerLatencies: [
          { PlayerId: "a", RegionIdentifier: "us-east-1", LatencyInMilliseconds: 40 },
          { PlayerId: "a", RegionIdentifier: "us-west-2", LatencyInMilliseconds: 30 },
          { PlayerId: "a", RegionIdentifier: "eu-west-1", LatencyInMilliseconds: 10 },
          { PlayerId: "b", RegionIdentifier: "us-east-1", LatencyInMilliseconds: 120 },
          { PlayerId: "b", RegionIdentifier: "us-west-2", LatencyInMilliseconds: 90 },
          { PlayerId: "b", RegionIdentifier: "eu-west-1", LatencyInMilliseconds: 250 },
        ],
      }),
    );
    await h.advance(4900, 700);
    expect(await status("lat")).toBe("PENDING");
    await h.advance(200);
    const p = (await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId: "lat" }))).GameSessionPlacement;
    expect(p).toMatchObject({ Status: "FULFILLED", GameSessionRegion: "us-west-2" });
    expect(p?.GameSessionArn).toContain("/us-west-2/");
  });

  it("orders by the queue's LocationOrder, a placement override, and the location filter", async () => {
    const { fleetArn } = await activeFleet(h, gl, {
      instances: 1,
      processes: 5,
      locations: ["us-east-1", "eu-west-1", "ap-south-1"],
    });
    await queue(gl, "arena", [fleetArn], {
      PriorityConfiguration: {
        PriorityOrder: ["LOCATION", "DESTINATION"],
        LocationOrder: ["ap-south-1", "us-east-1", "eu-west-1"],
      },
      FilterConfiguration: { AllowedLocations: ["us-east-1", "eu-west-1"] },
    });
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "ordered",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "override",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
        PriorityConfigurationOverride: { LocationOrder: ["eu-west-1"], PlacementFallbackStrategy: "NONE" },
      }),
    );
    await h.advance(100);
    const region = async (PlacementId: string): Promise<string | undefined> =>
      (await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId }))).GameSessionPlacement?.GameSessionRegion;
    expect([await region("ordered"), await region("override")]).toEqual(["us-east-1", "eu-west-1"]);
    // The override is echoed as given.
    expect(
      (await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId: "override" }))).GameSessionPlacement
        ?.PriorityConfigurationOverride,
    ).toEqual({
      LocationOrder: ["eu-west-1"],
      PlacementFallbackStrategy: "NONE",
    });
    await expect(
      gl.send(
        new StartGameSessionPlacementCommand({
          PlacementId: "both",
          GameSessionQueueName: "arena",
          MaximumPlayerSessionCount: 2,
          PlayerLatencies: [{ PlayerId: "a", RegionIdentifier: "us-east-1", LatencyInMilliseconds: 10 }],
          PriorityConfigurationOverride: { LocationOrder: ["eu-west-1"] },
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("prefers destinations in queue order and falls through when the first is full", async () => {
    const a = await activeFleet(h, gl, { instances: 1, name: "a" });
    const b = await activeFleet(h, gl, { instances: 1, name: "b" });
    await queue(gl, "arena", [b.fleetArn, a.fleetArn]);
    for (const PlacementId of ["one", "two"]) {
      await gl.send(
        new StartGameSessionPlacementCommand({
          PlacementId,
          GameSessionQueueName: "arena",
          MaximumPlayerSessionCount: 2,
        }),
      );
    }
    await h.advance(100);
    const fleetOf = async (PlacementId: string): Promise<string | undefined> =>
      (
        await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId }))
      ).GameSessionPlacement?.GameSessionArn?.split("/")[1];
    expect([await fleetOf("one"), await fleetOf("two")]).toEqual([b.fleetId, a.fleetId]);
  });

  it("cancels a pending placement, and refuses to stop a fulfilled one", async () => {
    const { fleetArn } = await activeFleet(h, gl, { instances: 0 });
    await queue(gl, "arena", [fleetArn]);
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "stop-me",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
      }),
    );
    const stopped = await gl.send(new StopGameSessionPlacementCommand({ PlacementId: "stop-me" }));
    expect(stopped.GameSessionPlacement).toMatchObject({
      Status: "CANCELLED",
      EndTime: new Date("2026-05-01T12:00:03.000Z"),
    });
    expect(events().map((e) => e.detail.type)).toEqual(["PlacementCancelled"]);
    await expect(
      gl.send(
        new StartGameSessionPlacementCommand({
          PlacementId: "stop-me",
          GameSessionQueueName: "arena",
          MaximumPlayerSessionCount: 2,
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("refuses to stop a fulfilled placement", async () => {
    const { fleetArn } = await activeFleet(h, gl);
    await queue(gl, "arena", [fleetArn]);
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "done",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await h.advance(100);
    await expect(gl.send(new StopGameSessionPlacementCommand({ PlacementId: "done" }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("fails pending placements when their queue is deleted", async () => {
    const { fleetArn } = await activeFleet(h, gl, { instances: 0 });
    await queue(gl, "arena", [fleetArn]);
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "orphan",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await gl.send(new DeleteGameSessionQueueCommand({ Name: "arena" }));
    expect(await status("orphan")).toBe("FAILED");
    expect(events().map((e) => e.detail.type)).toEqual(["PlacementFailed"]);
  });

  it("rejects a placement on an unknown queue", async () => {
    await expect(
      gl.send(
        new StartGameSessionPlacementCommand({
          PlacementId: "x",
          GameSessionQueueName: "nope",
          MaximumPlayerSessionCount: 2,
        }),
      ),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("places through the programmatic API and reports the result to onResult", async () => {
    const { fleetArn } = await activeFleet(h, gl, { instances: 1, processes: 2 });
    await queue(gl, "arena", [fleetArn]);
    const results: PlacementRecord[] = [];
    const ctx = h.emulator.context;
    const started = startPlacement(ctx, {
      placementId: "mm-1",
      queueNameOrArn: "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/arena",
      maximumPlayerSessionCount: 2,
      matchmakerData: '{"matchId":"m"}',
      desiredPlayerSessions: [{ playerId: "p1" }, { playerId: "p2" }],
      onResult: (p) => void results.push(p),
    });
    expect(started.Status).toBe("PENDING");
    await h.advance(100);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      Status: "FULFILLED",
      IpAddress: "127.0.0.1",
      MatchmakerData: '{"matchId":"m"}',
    });
    expect(results[0]?.PlacedPlayerSessions?.map((s) => s.PlayerId)).toEqual(["p1", "p2"]);
    expect(getPlacement(ctx, "mm-1")).toEqual(results[0]);
    expect(getPlacement(ctx, "unknown")).toBeUndefined();
    const sessions = await gl.send(new DescribeGameSessionsCommand({ FleetId: fleetArn.split("/")[1] }));
    expect(sessions.GameSessions?.[0]?.MatchmakerData).toBe('{"matchId":"m"}');
  });
});
