import { GameLiftClient, ListLocationsCommand } from "@aws-sdk/client-gamelift";
import { startGameLiftEmulator, type GameLiftEmulator } from "@matchplace/gamelift-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureLatencies, type PingBeacon } from "../src/ping.js";

describe("measuring latencies against the emulator's UDP ping beacons", () => {
  let emulator: GameLiftEmulator;
  let gamelift: GameLiftClient;
  beforeAll(async () => {
    emulator = await startGameLiftEmulator({
      port: 0,
      tickIntervalMs: 0,
      pingBeacons: { latencyMs: { "eu-west-1": 60, "ap-south-1": 120 }, defaultLatencyMs: 5 },
    });
    gamelift = new GameLiftClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
  });
  afterAll(async () => {
    gamelift.destroy();
    await emulator.close();
  });

  it("finds a beacon for every location with ListLocations and measures at least each configured delay", async () => {
    const { Locations = [] } = await gamelift.send(new ListLocationsCommand({}));
    expect(Locations.length).toBeGreaterThan(10);
    const beacons: PingBeacon[] = Locations.map((l) => ({
      location: l.LocationName ?? "",
      domain: l.PingBeacon?.UDPEndpoint?.Domain ?? "",
      port: l.PingBeacon?.UDPEndpoint?.Port ?? 0,
    }));
    expect(beacons.every((b) => b.domain === "127.0.0.1" && b.port > 0)).toBe(true);
    expect(new Set(beacons.map((b) => b.port)).size).toBe(beacons.length);
    const picked = beacons.filter((b) => ["us-east-1", "eu-west-1", "ap-south-1"].includes(b.location));
    const latencyInMs = await measureLatencies(picked, { samples: 2 });
    // Lower bounds only: the beacon waits its delay before echoing; load can add, never subtract.
    expect(latencyInMs["us-east-1"]).toBeGreaterThanOrEqual(5);
    expect(latencyInMs["eu-west-1"]).toBeGreaterThanOrEqual(60);
    expect(latencyInMs["ap-south-1"]).toBeGreaterThanOrEqual(120);
    expect(Object.values(latencyInMs).every((ms) => Number.isInteger(ms))).toBe(true);
  });

  it("leaves out a location whose beacon does not answer", async () => {
    expect(
      await measureLatencies([{ location: "nowhere", domain: "127.0.0.1", port: 9 }], { samples: 1, timeoutMs: 50 }),
    ).toEqual({});
  });
});
