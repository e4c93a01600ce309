import * as sdk from "@aws-sdk/client-gamelift";
import { afterEach, describe, expect, it } from "vitest";
import { activeFleet, queue } from "../../fixtures.js";
import { sequentialIds, startHarness, type Harness } from "../../helpers.js";
import { squadRuleSet } from "../matchmaking/harness.js";

/** A live fleet on a ManualClock: sessions end, players leave, the fleet scales. All in virtual time. */

let h: Harness;
afterEach(async () => {
  await h.emulator.close();
});

const sessionsOf = async (gl: sdk.GameLiftClient, FleetId: string) =>
  (await gl.send(new sdk.DescribeGameSessionsCommand({ FleetId }))).GameSessions ?? [];
const counts = async (gl: sdk.GameLiftClient, FleetId: string) =>
  (await gl.send(new sdk.DescribeFleetCapacityCommand({ FleetIds: [FleetId] }))).FleetCapacity?.[0]?.InstanceCounts ??
  {};
const placementStatus = async (gl: sdk.GameLiftClient, PlacementId: string) =>
  (await gl.send(new sdk.DescribeGameSessionPlacementCommand({ PlacementId }))).GameSessionPlacement?.Status;

describe("game sessions that live and die", () => {
  it("ends each match within the drawn length: TERMINATED, its players COMPLETED, the process slot free", async () => {
    h = await startHarness({ settings: { gameServers: { matchSeconds: { min: 30, max: 60 } } } });
    const gl = h.json;
    const { fleetId } = await activeFleet(h, gl, { instances: 1, processes: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const gs = (await gl.send(new sdk.CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 4 })))
        .GameSession;
      ids.push(gs?.GameSessionId ?? "");
    }
    await h.advance(100);
    for (const GameSessionId of ids)
      await gl.send(new sdk.CreatePlayerSessionsCommand({ GameSessionId, PlayerIds: ["a", "b"] }));
    await expect(
      gl.send(new sdk.CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 4 })),
    ).rejects.toBeInstanceOf(sdk.FleetCapacityExceededException);

    await h.advance(1000);
    // The emulated game server accepted the players: their clients connected.
    const players =
      (await gl.send(new sdk.DescribePlayerSessionsCommand({ GameSessionId: ids[0] }))).PlayerSessions ?? [];
    expect(players.map((p) => p.Status)).toEqual(["ACTIVE", "ACTIVE"]);
    await h.advance(28_000, 1000);
    expect((await sessionsOf(gl, fleetId)).map((s) => s.Status)).toEqual(["ACTIVE", "ACTIVE"]);

    await h.advance(31_000, 1000);
    const ended = await sessionsOf(gl, fleetId);
    expect(ended.map((s) => s.Status)).toEqual(["TERMINATED", "TERMINATED"]);
    for (const s of ended) {
      const length = (s.TerminationTime?.getTime() ?? 0) - (s.CreationTime?.getTime() ?? 0);
      expect(length).toBeGreaterThanOrEqual(30_000);
      expect(length).toBeLessThanOrEqual(61_000);
    }
    const after =
      (await gl.send(new sdk.DescribePlayerSessionsCommand({ GameSessionId: ids[1] }))).PlayerSessions ?? [];
    expect(after.map((p) => p.Status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(
      (await gl.send(new sdk.DescribeFleetUtilizationCommand({ FleetIds: [fleetId] }))).FleetUtilization?.[0]
        ?.ActiveGameSessionCount,
    ).toBe(0);
    expect(
      (await gl.send(new sdk.CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 4 }))).GameSession
        ?.Status,
    ).toBe("ACTIVATING");
  });

  it("draws match lengths per fleet: the fleet named in gameServersByFleet uses its own, others never end", async () => {
    h = await startHarness({ settings: { gameServersByFleet: { short: { matchSeconds: { min: 10, max: 10 } } } } });
    const gl = h.json;
    const short = await activeFleet(h, gl, { instances: 1, processes: 1, name: "short" });
    const other = await activeFleet(h, gl, { instances: 1, processes: 1, name: "other" });
    for (const f of [short, other])
      await gl.send(new sdk.CreateGameSessionCommand({ FleetId: f.fleetId, MaximumPlayerSessionCount: 2 }));
    await h.advance(20_000, 1000);
    expect((await sessionsOf(gl, short.fleetId))[0]?.Status).toBe("TERMINATED");
    expect((await sessionsOf(gl, other.fleetId))[0]?.Status).toBe("ACTIVE");
  });

  it("frees the process slot of a session ended by TerminateGameSession, in both modes", async () => {
    h = await startHarness();
    const gl = h.cbor;
    const { fleetId } = await activeFleet(h, gl, { instances: 1, processes: 1 });
    const create = () => gl.send(new sdk.CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 2 }));
    const first = (await create()).GameSession?.GameSessionId;
    await h.advance(100);
    await expect(create()).rejects.toBeInstanceOf(sdk.FleetCapacityExceededException);
    await gl.send(new sdk.TerminateGameSessionCommand({ GameSessionId: first, TerminationMode: "FORCE_TERMINATE" }));
    const second = (await create()).GameSession?.GameSessionId;
    await h.advance(100);
    expect((await counts(gl, fleetId)).IDLE).toBe(0);
    await gl.send(
      new sdk.TerminateGameSessionCommand({ GameSessionId: second, TerminationMode: "TRIGGER_ON_PROCESS_TERMINATE" }),
    );
    await expect(create()).rejects.toBeInstanceOf(sdk.FleetCapacityExceededException); // TERMINATING still holds the process
    await h.advance(100);
    expect((await counts(gl, fleetId)).IDLE).toBe(1);
    expect((await create()).GameSession?.Status).toBe("ACTIVATING");
  });

  it("lets players leave early; with AUTOMATIC backfill the game server asks for their seats and a new player takes one", async () => {
    // Sequential ids fix the leavers' draws (they are drawn per player session id): nobody leaves
    // before the first check, and one player leaves alone.
    h = await startHarness({
      ids: sequentialIds(),
      settings: { gameServers: { matchSeconds: { min: 600, max: 600 }, leaveShare: 1 } },
    });
    const gl = h.json;
    const { fleetArn } = await activeFleet(h, gl, { instances: 1, processes: 2 });
    const queueArn = await queue(gl, "arena", [fleetArn]);
    await gl.send(new sdk.CreateMatchmakingRuleSetCommand({ Name: "squad", RuleSetBody: squadRuleSet }));
    await gl.send(
      new sdk.CreateMatchmakingConfigurationCommand({
        Name: "arena",
        RuleSetName: "squad",
        FlexMatchMode: "WITH_QUEUE",
        GameSessionQueueArns: [queueArn],
        BackfillMode: "AUTOMATIC",
        RequestTimeoutSeconds: 120,
        AcceptanceRequired: false,
        NotificationTarget: "arn:aws:sns:us-east-1:123456789012:mm",
      }),
    );
    for (const p of ["p1", "p2", "p3", "p4"]) {
      await gl.send(
        new sdk.StartMatchmakingCommand({ TicketId: `t-${p}`, ConfigurationName: "arena", Players: [{ PlayerId: p }] }),
      );
    }
    await h.advance(3000, 500);
    const ticket = (await gl.send(new sdk.DescribeMatchmakingCommand({ TicketIds: ["t-p1"] }))).TicketList?.[0];
    expect(ticket?.Status).toBe("COMPLETED");
    const GameSessionId = ticket?.GameSessionConnectionInfo?.GameSessionArn ?? "";
    // A full 2v2 game: no automatic backfill ticket while nobody has left.
    const searching = () =>
      h.events
        .map(
          (e) =>
            JSON.parse(e.message) as {
              detail: { type: string; tickets: { ticketId: string; players: { playerId: string }[] }[] };
            },
        )
        .filter((e) => e.detail.type === "MatchmakingSearching");
    expect(
      searching()
        .map((e) => e.detail.tickets[0]?.ticketId)
        .sort(),
    ).toEqual(["t-p1", "t-p2", "t-p3", "t-p4"]);

    let left: string[] = [];
    for (let s = 0; s < 600 && left.length === 0; s++) {
      await h.advance(1000, 1000);
      const ps = (await gl.send(new sdk.DescribePlayerSessionsCommand({ GameSessionId }))).PlayerSessions ?? [];
      left = ps.filter((p) => p.Status === "COMPLETED").map((p) => p.PlayerId ?? "");
    }
    expect(left).toHaveLength(1);
    expect(
      (await sessionsOf(gl, ticket?.GameSessionConnectionInfo?.GameSessionArn?.split("/")[1] ?? ""))[0]
        ?.CurrentPlayerSessionCount,
    ).toBe(3);
    await h.advance(100);
    const backfill = searching().find((e) => !e.detail.tickets[0]?.ticketId.startsWith("t-"));
    expect(backfill?.detail.tickets[0]?.players.map((p) => p.playerId).sort()).toEqual(
      ["p1", "p2", "p3", "p4"].filter((p) => !left.includes(p)),
    );

    await gl.send(
      new sdk.StartMatchmakingCommand({ TicketId: "t-p5", ConfigurationName: "arena", Players: [{ PlayerId: "p5" }] }),
    );
    await h.advance(2000, 500);
    const joined = (await gl.send(new sdk.DescribeMatchmakingCommand({ TicketIds: ["t-p5"] }))).TicketList?.[0];
    expect(joined?.Status).toBe("COMPLETED");
    expect(joined?.GameSessionConnectionInfo?.GameSessionArn).toBe(GameSessionId);
  });
});

describe("fleet scaling", () => {
  /** A fleet with 2 processes per instance, 1 instance, room to grow to `max`; a queue over it. */
  async function scalingFleet(
    max: number,
    settings: Parameters<typeof startHarness>[0] = {},
  ): Promise<{ fleetId: string; gl: sdk.GameLiftClient }> {
    h = await startHarness({ settings: { instanceActivationMs: 10_000, scalingIntervalMs: 60_000 }, ...settings });
    const gl = h.json;
    const { fleetId, fleetArn } = await activeFleet(h, gl, { instances: 1, processes: 2 });
    await gl.send(new sdk.UpdateFleetCapacityCommand({ FleetId: fleetId, MinSize: 1, MaxSize: max }));
    await queue(gl, "q", [fleetArn], { TimeoutInSeconds: 600 });
    await h.advance(10_000, 1000); // past the first instance's scale-out delay
    return { fleetId, gl };
  }
  const place = async (gl: sdk.GameLiftClient, n: number, prefix = "p"): Promise<string[]> => {
    const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    for (const PlacementId of ids)
      await gl.send(
        new sdk.StartGameSessionPlacementCommand({
          PlacementId,
          GameSessionQueueName: "q",
          MaximumPlayerSessionCount: 4,
        }),
      );
    return ids;
  };

  it("scales out on a target policy: new instances are PENDING for the scale-out delay, then take the waiting placements", async () => {
    const { fleetId, gl } = await scalingFleet(10);
    await gl.send(
      new sdk.PutScalingPolicyCommand({
        FleetId: fleetId,
        Name: "t",
        PolicyType: "TargetBased",
        MetricName: "PercentAvailableGameSessions",
        TargetConfiguration: { TargetValue: 20 },
      }),
    );
    const ids = await place(gl, 6);
    await h.advance(100);
    expect((await Promise.all(ids.map((id) => placementStatus(gl, id)))).filter((s) => s === "FULFILLED")).toHaveLength(
      2,
    );
    // The first evaluation: 2 live + 4 waiting = 6 sessions, at 20% available → 8 processes → 4 instances.
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 4, ACTIVE: 1, PENDING: 3 });
    await h.advance(9_000, 1000);
    expect((await Promise.all(ids.map((id) => placementStatus(gl, id)))).filter((s) => s === "FULFILLED")).toHaveLength(
      2,
    );
    await h.advance(1_000);
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 4, ACTIVE: 4, PENDING: 0 });
    expect((await Promise.all(ids.map((id) => placementStatus(gl, id)))).every((s) => s === "FULFILLED")).toBe(true);
    const events = (await gl.send(new sdk.DescribeFleetEventsCommand({ FleetId: fleetId }))).Events ?? [];
    expect(events.some((e) => e.EventCode === "FLEET_SCALING_EVENT" && e.Message?.includes("from 1 to 4"))).toBe(true);
  });

  it("scales in to MinSize when the matches end, removing idle instances only", async () => {
    const { fleetId, gl } = await scalingFleet(10, {
      settings: {
        instanceActivationMs: 0,
        scalingIntervalMs: 60_000,
        gameServers: { matchSeconds: { min: 120, max: 120 } },
      },
    });
    await gl.send(
      new sdk.PutScalingPolicyCommand({
        FleetId: fleetId,
        Name: "t",
        PolicyType: "TargetBased",
        MetricName: "PercentAvailableGameSessions",
        TargetConfiguration: { TargetValue: 20 },
      }),
    );
    await place(gl, 6);
    await h.advance(61_000, 1000);
    expect((await counts(gl, fleetId)).ACTIVE).toBe(4);
    const live = (await sessionsOf(gl, fleetId)).filter((s) => s.Status === "ACTIVE");
    expect(live).toHaveLength(6);
    // The next evaluation (2 min in) sees the same demand; matches end at 2 min, the one after scales in.
    await h.advance(120_000, 1000);
    expect((await sessionsOf(gl, fleetId)).every((s) => s.Status === "TERMINATED")).toBe(true);
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 1, MINIMUM: 1, ACTIVE: 1 });
  });

  it("applies a rule-based policy after EvaluationPeriods, and not while AUTO_SCALING is stopped", async () => {
    const { fleetId, gl } = await scalingFleet(5, { settings: { instanceActivationMs: 0, scalingIntervalMs: 60_000 } });
    await gl.send(new sdk.StopFleetActionsCommand({ FleetId: fleetId, Actions: ["AUTO_SCALING"] }));
    await gl.send(
      new sdk.PutScalingPolicyCommand({
        FleetId: fleetId,
        Name: "waiting",
        PolicyType: "RuleBased",
        MetricName: "QueueDepth",
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: 0,
        EvaluationPeriods: 2,
        ScalingAdjustmentType: "ChangeInCapacity",
        ScalingAdjustment: 2,
      }),
    );
    await place(gl, 4);
    await h.advance(180_000, 5000);
    expect((await counts(gl, fleetId)).DESIRED).toBe(1);
    await gl.send(new sdk.StartFleetActionsCommand({ FleetId: fleetId, Actions: ["AUTO_SCALING"] }));
    await h.advance(60_000, 5000); // one evaluation: the condition held once
    expect((await counts(gl, fleetId)).DESIRED).toBe(1);
    await h.advance(60_000, 5000); // the second in a row: +2
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 3, ACTIVE: 3 });
  });

  it("scales to zero after ScaleInAfterInactivityMinutes and back to one when a game session is requested", async () => {
    const { fleetId, gl } = await scalingFleet(3);
    await expect(
      gl.send(
        new sdk.UpdateFleetCapacityCommand({
          FleetId: fleetId,
          MinSize: 1,
          ManagedCapacityConfiguration: { ZeroCapacityStrategy: "SCALE_TO_AND_FROM_ZERO" },
        }),
      ),
    ).rejects.toThrow(/MinSize must not be specified/);
    await expect(
      gl.send(
        new sdk.UpdateFleetCapacityCommand({
          FleetId: fleetId,
          ManagedCapacityConfiguration: {
            ZeroCapacityStrategy: "SCALE_TO_AND_FROM_ZERO",
            ScaleInAfterInactivityMinutes: 4,
          },
        }),
      ),
    ).rejects.toBeInstanceOf(sdk.InvalidRequestException);
    const out = await gl.send(
      new sdk.UpdateFleetCapacityCommand({
        FleetId: fleetId,
        ManagedCapacityConfiguration: {
          ZeroCapacityStrategy: "SCALE_TO_AND_FROM_ZERO",
          ScaleInAfterInactivityMinutes: 5,
        },
      }),
    );
    expect(out.ManagedCapacityConfiguration).toEqual({
      ZeroCapacityStrategy: "SCALE_TO_AND_FROM_ZERO",
      ScaleInAfterInactivityMinutes: 5,
    });
    await h.advance(4 * 60_000, 10_000);
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 1, ACTIVE: 1 });
    await h.advance(60_000, 10_000);
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 0, MINIMUM: 0, ACTIVE: 0 });
    const capacity = (await gl.send(new sdk.DescribeFleetCapacityCommand({ FleetIds: [fleetId] }))).FleetCapacity?.[0];
    expect(capacity?.ManagedCapacityConfiguration?.ZeroCapacityStrategy).toBe("SCALE_TO_AND_FROM_ZERO");

    const [id] = await place(gl, 1);
    await h.advance(100);
    expect(await counts(gl, fleetId)).toMatchObject({ DESIRED: 1, MINIMUM: 1, PENDING: 1 });
    expect(await placementStatus(gl, id ?? "")).toBe("PENDING");
    await h.advance(10_000, 1000);
    expect(await placementStatus(gl, id ?? "")).toBe("FULFILLED");
  });

  it("says why a placement timed out when the fleet was full", async () => {
    h = await startHarness();
    const gl = h.json;
    const { fleetId, fleetArn } = await activeFleet(h, gl, { instances: 1, processes: 1 });
    await queue(gl, "q", [fleetArn], { TimeoutInSeconds: 10 });
    await gl.send(
      new sdk.StartGameSessionPlacementCommand({
        PlacementId: "fits",
        GameSessionQueueName: "q",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await gl.send(
      new sdk.StartGameSessionPlacementCommand({
        PlacementId: "starves",
        GameSessionQueueName: "q",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await h.advance(11_000, 1000);
    expect(await placementStatus(gl, "starves")).toBe("TIMED_OUT");
    const timedOut = h.events
      .map((e) => JSON.parse(e.message) as { detail: Record<string, unknown> })
      .find((e) => e.detail.type === "PlacementTimedOut");
    expect(timedOut?.detail).toMatchObject({
      placementId: "starves",
      reason: "FleetCapacityExceeded",
      message: expect.stringContaining(`${fleetId}/us-east-1`),
    });
    const fulfilled = h.events
      .map((e) => JSON.parse(e.message) as { detail: Record<string, unknown> })
      .find((e) => e.detail.type === "PlacementFulfilled");
    expect(fulfilled?.detail.reason).toBeUndefined();
  });
});
