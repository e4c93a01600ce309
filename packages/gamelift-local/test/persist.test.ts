import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock/Clock.js";
import type { Engine } from "../src/engines/Engine.js";
import { startGameLiftEmulator } from "../src/server.js";

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
    const emulator = await startGameLiftEmulator({ port: 0, tickIntervalMs: 5, extraEngines: [{ tick: () => ticked() }] });
    await first;
    await emulator.close();
  });

  it("rejects unknown options", async () => {
    await expect(startGameLiftEmulator({ port: 0, bogus: true } as never)).rejects.toThrow(/bogus/);
    await expect(startGameLiftEmulator({ port: 0, settings: { fleetStatusDurationMs: {} } } as never)).rejects.toThrow(/fleetStatusDurationMs/);
  });
});
