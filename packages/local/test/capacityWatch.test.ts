import { describe, expect, it } from "vitest";
import { createInProcessEmulator, ManualClock } from "@matchplace/gamelift-local";
import { createCapacityWatch } from "../src/capacityWatch.js";
import { gameServersByFleet } from "../src/stage.js";

describe("the stage's capacity notice", () => {
  it("logs one line while placements wait on a full fleet, at most once per interval, and counts capacity timeouts", async () => {
    const clock = new ManualClock();
    const emulator = createInProcessEmulator({ clock });
    const lines: { message: string; extra: Record<string, unknown> }[] = [];
    const watch = createCapacityWatch({ warn: (message, extra) => void lines.push({ message, extra }) }, 30_000);
    const tick = async (ms: number): Promise<void> => {
      clock.advance(ms);
      await emulator.tick();
      await watch.tick(emulator.context);
    };
    const fleet = (await emulator.call("CreateFleet", {
      Name: "arena-local",
      EC2InstanceType: "c5.large",
      RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/s", ConcurrentExecutions: 1 }] },
    })) as { FleetAttributes: { FleetId: string; FleetArn: string } };
    for (let i = 0; i < 6; i++) await tick(500);
    await emulator.call("CreateGameSessionQueue", {
      Name: "q",
      Destinations: [{ DestinationArn: fleet.FleetAttributes.FleetArn }],
      TimeoutInSeconds: 60,
    });
    for (const id of ["a", "b", "c"])
      await emulator.call("StartGameSessionPlacement", {
        PlacementId: id,
        GameSessionQueueName: "q",
        MaximumPlayerSessionCount: 2,
      });
    await tick(100);
    expect(lines).toHaveLength(0); // waiting a moment is not news
    for (let i = 0; i < 5; i++) await tick(1000);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toContain("arena-local (us-east-1) is full: 2 placements waiting, the oldest 5 s");
    expect(lines[0]?.message).toContain("no scaling policy");
    for (let i = 0; i < 29; i++) await tick(1000);
    expect(lines).toHaveLength(1);
    watch.placementTimedOut(JSON.stringify({ detail: { type: "PlacementTimedOut", reason: "FleetCapacityExceeded" } }));
    watch.placementTimedOut(JSON.stringify({ detail: { type: "PlacementTimedOut" } }));
    await tick(1000);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.message).toContain("1 placements timed out for capacity");
  });

  it("reads each fleet file's GameServers, the stage's flags winning", () => {
    const files = [{ Name: "a", GameServers: { MatchSeconds: { Min: 60, Max: 120 }, LeaveShare: 0.1 } }, { Name: "b" }];
    expect(gameServersByFleet(undefined, files)).toEqual({
      a: { matchSeconds: { min: 60, max: 120 }, leaveShare: 0.1 },
    });
    expect(gameServersByFleet({ matchSeconds: { min: 5, max: 5 } }, files)).toEqual({
      a: { matchSeconds: { min: 5, max: 5 }, leaveShare: 0.1 },
      b: { matchSeconds: { min: 5, max: 5 }, leaveShare: 0 },
    });
  });
});
