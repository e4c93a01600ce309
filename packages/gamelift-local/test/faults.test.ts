import { afterEach, describe, expect, it } from "vitest";
import {
  CreateMatchmakingRuleSetCommand,
  DescribeMatchmakingConfigurationsCommand,
  GameLiftClient,
  GameLiftServiceException,
} from "@aws-sdk/client-gamelift";
import { FaultSwitch, ManualClock, startGameLiftEmulator, type GameLiftEmulator } from "../src/index.js";

const credentials = { accessKeyId: "x", secretAccessKey: "x" };
let emulator: GameLiftEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** A predictable sequence for the knobs' dice. */
const sequence = (values: number[]): (() => number) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};

describe("emulator fault knobs", () => {
  it("throttles a share of API calls with GameLift's ThrottlingException, and stops when turned off at run time", async () => {
    emulator = await startGameLiftEmulator({
      port: 0,
      tickIntervalMs: 0,
      clock: new ManualClock(),
      faults: { throttle: 1 },
    });
    const gl = new GameLiftClient({ endpoint: emulator.url, region: "us-east-1", credentials, maxAttempts: 1 });
    const err = await gl.send(new DescribeMatchmakingConfigurationsCommand({})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GameLiftServiceException);
    expect((err as GameLiftServiceException).name).toBe("ThrottlingException");
    expect((err as GameLiftServiceException).message).toBe("Rate exceeded");

    const res = await fetch(`${emulator.url}/local/faults`, { method: "PUT", body: JSON.stringify({ throttle: 0 }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { throttle: number }).throttle).toBe(0);
    await expect(gl.send(new DescribeMatchmakingConfigurationsCommand({}))).resolves.toMatchObject({
      Configurations: [],
    });
    gl.destroy();
  });

  it("refuses a knob it does not know or a share above 1", async () => {
    emulator = await startGameLiftEmulator({ port: 0, tickIntervalMs: 0, clock: new ManualClock() });
    const bad = await fetch(`${emulator.url}/local/faults`, { method: "PUT", body: JSON.stringify({ throttle: 2 }) });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${emulator.url}/local/faults`, {
      method: "PUT",
      body: JSON.stringify({ explode: 1 }),
    });
    expect(unknown.status).toBe(400);
    const inherited = await fetch(`${emulator.url}/local/faults`, {
      method: "PUT",
      body: JSON.stringify({ toString: 0.5 }),
    });
    expect(inherited.status).toBe(400);
    expect(await (await fetch(`${emulator.url}/local/faults`)).json()).toEqual({
      throttle: 0,
      drop: 0,
      duplicate: 0,
      delay: 0,
      reorder: 0,
      maxDelayMs: 0,
    });
  });

  it("drops and duplicates the emulator's own notifications", async () => {
    const sent: string[] = [];
    const notify = (_arn: string, message: string): void => void sent.push(message);
    const onError = (): void => undefined;
    // drop roll 0.05 < 0.5 → dropped
    new FaultSwitch({ drop: 0.5 }, sequence([0.05])).wrapNotify(notify, onError)("arn:t", "a");
    // drop roll 0.9 → kept; duplicate roll 0.1 < 0.5 → sent twice
    new FaultSwitch({ drop: 0.5, duplicate: 0.5 }, sequence([0.9, 0.1])).wrapNotify(notify, onError)("arn:t", "b");
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(["b", "b"]);
  });

  it("reorders the emulator's own notifications: a held one goes right after the next on its topic", async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const notify = (arn: string, message: string): void => void sent.push(`${arn}:${message}`);
    // a: reorder roll 0.1 → held; b on another topic: 0.9 → sent, a still held; c: 0.9 → sent, then a.
    const wrapped = new FaultSwitch({ reorder: 0.5, maxDelayMs: 60_000 }, sequence([0.1, 0.9, 0.9]), clock).wrapNotify(
      notify,
      () => undefined,
    );
    wrapped("arn:t", "a");
    wrapped("arn:other", "b");
    wrapped("arn:t", "c");
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(["arn:other:b", "arn:t:c", "arn:t:a"]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("sends a held notification after maxDelayMs on its clock when none follows, and forgets it on close", async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const faults = new FaultSwitch({ reorder: 1, maxDelayMs: 20 }, Math.random, clock);
    const wrapped = faults.wrapNotify(
      (_arn, m) => void sent.push(m),
      () => undefined,
    );
    wrapped("arn:t", "late");
    clock.advance(19);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual([]);
    clock.advance(1);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(["late"]);

    wrapped("arn:t", "never");
    expect(clock.pendingTimers).toBe(1);
    faults.discardPending();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60_000);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(["late"]);
  });

  it("delays a notification by its drawn delay on its clock", async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    // delay roll 0.1 < 1 → delayed by floor(0.25 × 1000) = 250 ms
    const wrapped = new FaultSwitch({ delay: 1, maxDelayMs: 1000 }, sequence([0.1, 0.25]), clock).wrapNotify(
      (_arn, m) => void sent.push(m),
      () => undefined,
    );
    wrapped("arn:t", "slow");
    clock.advance(249);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual([]);
    clock.advance(1);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(["slow"]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("leaves API calls alone with no faults set", async () => {
    emulator = await startGameLiftEmulator({ port: 0, tickIntervalMs: 0, clock: new ManualClock() });
    const gl = new GameLiftClient({ endpoint: emulator.url, region: "us-east-1", credentials, maxAttempts: 1 });
    const body = JSON.stringify({ ruleLanguageVersion: "1.0", teams: [{ name: "a", minPlayers: 1, maxPlayers: 1 }] });
    await expect(
      gl.send(new CreateMatchmakingRuleSetCommand({ Name: "one", RuleSetBody: body })),
    ).resolves.toBeDefined();
    gl.destroy();
  });
});
