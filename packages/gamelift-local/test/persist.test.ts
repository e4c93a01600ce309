import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeGameSessionPlacementCommand,
  DescribeInstancesCommand,
  StartGameSessionPlacementCommand,
} from "@aws-sdk/client-gamelift";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock/Clock.js";
import type { Engine } from "../src/engines/Engine.js";
import { startGameLiftEmulator } from "../src/server.js";
import { activeFleet, queue } from "./fixtures.js";
import { startHarness } from "./helpers.js";

describe("persistence and ticking", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it("writes the store on close and loads it on the next start", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gamelift-local-"));
    dirs.push(dir);
    const first = await startGameLiftEmulator({ port: 0, tickIntervalMs: 0, persistDir: dir });
    first.context.store.collection<{ n: number }>("things").put("a", { n: 1 });
    await first.close();
    expect(JSON.parse(await readFile(join(dir, "gamelift.json"), "utf8"))).toEqual({ things: [["a", { n: 1 }]] });

    const second = await startGameLiftEmulator({ port: 0, tickIntervalMs: 0, persistDir: dir });
    expect(second.context.store.collection<{ n: number }>("things").get("a")).toEqual({ n: 1 });
    await second.close();
  });

  it("carries fleets, instances and queues across a restart, and keeps placing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gamelift-local-"));
    dirs.push(dir);
    const before = await startHarness({ persistDir: dir });
    const { fleetId, fleetArn } = await activeFleet(before, before.json);
    await queue(before.json, "arena", [fleetArn]);
    const instances = (await before.json.send(new DescribeInstancesCommand({ FleetId: fleetId }))).Instances;
    await before.emulator.close();

    const after = await startHarness({ persistDir: dir });
    expect((await after.json.send(new DescribeInstancesCommand({ FleetId: fleetId }))).Instances).toEqual(instances);
    await after.json.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "again",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await after.advance(100);
    const p = await after.json.send(new DescribeGameSessionPlacementCommand({ PlacementId: "again" }));
    expect(p.GameSessionPlacement?.Status).toBe("FULFILLED");
    await after.emulator.close();
  });

  it("runs every engine once per tick at the clock's time", async () => {
    const clock = new ManualClock(1_000);
    const seen: number[] = [];
    const engine: Engine = { tick: (ctx) => void seen.push(ctx.clock.now()) };
    const emulator = await startGameLiftEmulator({ port: 0, tickIntervalMs: 0, clock, extraEngines: [engine] });
    await emulator.tick();
    clock.advance(500);
    await emulator.tick();
    await emulator.close();
    expect(seen).toEqual([1_000, 1_500]);
  });

  it("ticks by itself every tickIntervalMs", async () => {
    let ticked: () => void = () => undefined;
    const first = new Promise<void>((resolve) => {
      ticked = resolve;
    });
    const emulator = await startGameLiftEmulator({
      port: 0,
      tickIntervalMs: 5,
      extraEngines: [{ tick: () => ticked() }],
    });
    await first;
    await emulator.close();
  });

  it("rejects unknown options", async () => {
    await expect(startGameLiftEmulator({ port: 0, bogus: true } as never)).rejects.toThrow(/bogus/);
    await expect(startGameLiftEmulator({ port: 0, settings: { fleetStatusDurationMs: {} } } as never)).rejects.toThrow(
      /fleetStatusDurationMs/,
    );
  });
});
