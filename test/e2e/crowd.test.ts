import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribeFleetCapacityCommand,
  GameLiftClient,
  UpdateFleetCapacityCommand,
  UpdateRuntimeConfigurationCommand,
} from "@aws-sdk/client-gamelift";
import type { LocalStage } from "@matchplace/local";
import { runCrowd } from "../support/crowd.js";
import { pollUntil, startTestStage } from "../support/stage.js";

/**
 * A small crowd on the seeded fleet and its target policy (evaluated each second here), shrunk to
 * one instance of 2 server processes so that scaling must happen however fast the players arrive:
 * 60 players at 50/s make 15 games of 2v2 that last 5-8 s. No ticket may starve; the fleet must
 * scale out while they arrive and back in once the matches have ended. `npm run bench` runs the
 * 2,000-player crowd on the seeded fleet as it is.
 */
describe("a crowd on the local stage's live fleet", () => {
  let stage: LocalStage;
  let gamelift: GameLiftClient;

  beforeAll(async () => {
    stage = await startTestStage({
      gameServers: { matchSeconds: { min: 5, max: 8 } },
      scalingIntervalMs: 1000,
      scaleOutDelayMs: 1000,
    });
    gamelift = new GameLiftClient({
      endpoint: stage.endpoints.gamelift,
      region: stage.endpoints.region,
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    const [FleetId] = stage.seeded.fleetIds;
    await gamelift.send(
      new UpdateRuntimeConfigurationCommand({
        FleetId,
        RuntimeConfiguration: {
          ServerProcesses: [{ LaunchPath: "/local/game/arena-server", ConcurrentExecutions: 2 }],
        },
      }),
    );
    await gamelift.send(new UpdateFleetCapacityCommand({ FleetId, DesiredInstances: 1, MinSize: 1 }));
  }, 120_000);

  afterAll(async () => {
    gamelift?.destroy();
    await stage?.stop();
  });

  it("completes every player's ticket, scales out while they arrive and back in once the matches end", async () => {
    const [fleetId = ""] = stage.seeded.fleetIds;
    const result = await runCrowd({
      api: stage.endpoints.api,
      gamelift: stage.endpoints.gamelift,
      region: stage.endpoints.region,
      fleetId,
      players: 60,
      rate: 50,
      prefix: `crowd-${Date.now().toString(36)}`,
      timeoutMs: 60_000,
      pollEveryMs: 500,
    });
    expect(result.lostBy).toEqual({});
    expect(result.lost).toBe(0);
    expect(result.statuses).toEqual({ COMPLETED: 60 });
    expect(result.peakDesiredInstances).toBeGreaterThan(1);

    // The matches end by themselves; the policy then scales the fleet in to its MinSize.
    const capacity = async () =>
      (await gamelift.send(new DescribeFleetCapacityCommand({ FleetIds: [fleetId] }))).FleetCapacity?.[0]
        ?.InstanceCounts ?? {};
    const settled = await pollUntil(capacity, (c) => c.DESIRED === 1 && c.ACTIVE === 1, 30_000, 500);
    expect(settled).toMatchObject({ DESIRED: 1, MINIMUM: 1, ACTIVE: 1 });
  }, 150_000);
});
