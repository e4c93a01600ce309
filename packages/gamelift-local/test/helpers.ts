import { GameLiftClient } from "@aws-sdk/client-gamelift";
import { AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";
import { ManualClock } from "../src/clock/Clock.js";
import { startGameLiftEmulator, type GameLiftEmulator, type GameLiftEmulatorOptions } from "../src/server.js";

/** A started emulator on a ManualClock, with SDK clients for both wire protocols. */
export interface Harness {
  readonly emulator: GameLiftEmulator;
  readonly clock: ManualClock;
  readonly json: GameLiftClient;
  readonly cbor: GameLiftClient;
  readonly events: { topicArn: string; message: string }[];
  /** Advances the clock by `ms` in steps of `stepMs`, ticking after each step. */
  advance(ms: number, stepMs?: number): Promise<void>;
}

/** Counter-based ids, so tests can predict them. */
export function sequentialIds(): { uuid(): string } {
  let n = 0;
  return { uuid: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}` };
}

/** Starts an emulator for one test file; call `harness.emulator.close()` in afterAll/afterEach. */
export async function startHarness(options: GameLiftEmulatorOptions = {}): Promise<Harness> {
  const clock = new ManualClock(Date.parse("2026-05-01T12:00:00.000Z"));
  const events: { topicArn: string; message: string }[] = [];
  const emulator = await startGameLiftEmulator({
    port: 0,
    clock,
    tickIntervalMs: 0,
    notify: (topicArn, message) => void events.push({ topicArn, message }),
    ...options,
  });
  const base = {
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    maxAttempts: 1,
  };
  const json = new GameLiftClient(base);
  const cbor = new GameLiftClient({ ...base, protocol: AwsSmithyRpcV2CborProtocol });
  const advance = async (ms: number, stepMs = 100): Promise<void> => {
    for (let left = ms; left > 0; left -= stepMs) {
      clock.advance(Math.min(stepMs, left));
      await emulator.tick();
    }
  };
  return { emulator, clock, json, cbor, events, advance };
}
