import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LocalSns } from "../../src/sns/LocalSns.js";
import { startSnsServer, type SnsServer } from "../../src/sns/snsServer.js";
import { ManualClock, planNotification } from "@matchplace/gamelift-local";
import { noFaults, parseFaults } from "../../src/sns/faults.js";
import { localSnsOnClock } from "./support.js";

const run = promisify(execFile);
type SnsEvent = {
  Records: {
    EventSource: string;
    Sns: { Type: string; Message: string; TopicArn: string; MessageId: string; Timestamp: string };
  }[];
};

let server: SnsServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** Retry backoff runs on this clock: a retry's wait advances it instead of sleeping. */
let clock = new ManualClock();

function newSns(options: Partial<ConstructorParameters<typeof LocalSns>[0]> = {}): LocalSns {
  const made = localSnsOnClock(options);
  clock = made.clock;
  return made.sns;
}

describe("local SNS", () => {
  it("delivers a message to a subscribed handler as SNS's Lambda event", async () => {
    const sns = newSns();
    const arn = sns.createTopic("events");
    const got: SnsEvent[] = [];
    sns.subscribe(arn, "consumer", async (e) => void got.push(e as SnsEvent));
    const id = sns.publish(arn, '{"detail":{}}');
    await sns.drain();
    expect(got).toHaveLength(1);
    const record = got[0]?.Records[0];
    expect(record).toMatchObject({
      EventSource: "aws:sns",
      Sns: { Type: "Notification", Message: '{"detail":{}}', TopicArn: arn, MessageId: id },
    });
    expect(Number.isNaN(Date.parse(String(record?.Sns.Timestamp)))).toBe(false);
  });

  it("retries a failed delivery, then dead-letters it; redrive delivers it again", async () => {
    const sns = newSns();
    const arn = sns.createTopic("events");
    let calls = 0;
    let healthy = false;
    sns.subscribe(arn, "consumer", async () => {
      calls++;
      if (!healthy) throw new Error("table unavailable");
    });
    const start = clock.now();
    sns.publish(arn, "m1");
    await sns.drain();
    expect(calls).toBe(3); // first try + two retries
    expect(clock.now() - start).toBe(3_000); // the whole backoff, waited on the clock
    expect(sns.deadLetters()).toHaveLength(1);
    expect(sns.deadLetters()[0]).toMatchObject({ message: "m1", error: "table unavailable" });

    server = await startSnsServer(sns, 0);
    healthy = true;
    const res = await fetch(`${server.url}/local/dlq/redrive`, { method: "POST" });
    expect(await res.json()).toEqual({ redriven: 1 });
    await sns.drain();
    expect(calls).toBe(4);
    expect(sns.deadLetters()).toHaveLength(0);
  });

  it("recovers when a retry succeeds, without dead-lettering", async () => {
    const sns = newSns();
    const arn = sns.createTopic("events");
    let calls = 0;
    sns.subscribe(arn, "consumer", async () => {
      if (++calls === 1) throw new Error("blip");
    });
    sns.publish(arn, "m");
    await sns.drain();
    expect(calls).toBe(2);
    expect(sns.deadLetters()).toEqual([]);
  });

  it("drops and duplicates deliveries as the fault knobs say", async () => {
    const delays = (plan: { delayMs: number; holdBack: boolean }[]): number[] => plan.map((c) => c.delayMs);
    expect(planNotification({ ...noFaults, drop: 0.5 }, () => 0.1)).toEqual([]);
    expect(planNotification({ ...noFaults, drop: 0.5, duplicate: 0.5 }, () => 0.4)).toEqual([]);
    expect(delays(planNotification({ ...noFaults, duplicate: 0.5 }, () => 0.4))).toEqual([0, 0]);
    const rolls = [0.1, 0.5]; // delay roll, then the delay drawn
    expect(delays(planNotification({ ...noFaults, delay: 0.5, maxDelayMs: 1000 }, () => rolls.shift() ?? 0))).toEqual([
      500,
    ]);
    expect(() => parseFaults("drop=2")).toThrow(/between 0 and 1/);
    expect(() => parseFaults("lose=0.1")).toThrow(/bad fault/);
    expect(() => parseFaults("reorder=")).toThrow(/bad fault/);
    expect(parseFaults("drop=0.1,duplicate=0.2,reorder=0.3")).toEqual({
      ...noFaults,
      drop: 0.1,
      duplicate: 0.2,
      reorder: 0.3,
    });
  });

  it("reorders: a held-back message is delivered right after the next one on its topic", async () => {
    // The hold-back timer runs on vitest's fake clock: "held, not lost" is asserted at a virtual instant.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const rolls = [0.1, 0.9, 0.9]; // A: reorder roll 0.1 < 0.5 → held; B and C: 0.9 → sent at once
    const sns = newSns({
      faults: { ...noFaults, reorder: 0.5, maxDelayMs: 60_000 },
      random: () => rolls.shift() ?? 0.9,
    });
    const arn = sns.createTopic("events");
    const got: string[] = [];
    sns.subscribe(arn, "consumer", async (e) => void got.push((e as SnsEvent).Records[0]?.Sns.Message ?? ""));
    sns.publish(arn, "A");
    await vi.advanceTimersByTimeAsync(59_999);
    expect(got).toEqual([]); // held until the next message or maxDelayMs, whichever comes first
    sns.publish(arn, "B");
    sns.publish(arn, "C");
    await sns.drain();
    expect(got).toEqual(["B", "A", "C"]);
  });

  it("delivers a held-back message after maxDelayMs when no other message follows", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sns = newSns({ faults: { ...noFaults, reorder: 1, maxDelayMs: 30 } });
    const arn = sns.createTopic("events");
    const got: string[] = [];
    sns.subscribe(arn, "consumer", async (e) => void got.push((e as SnsEvent).Records[0]?.Sns.Message ?? ""));
    sns.publish(arn, "only");
    await vi.advanceTimersByTimeAsync(29);
    expect(got).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await sns.drain();
    expect(got).toEqual(["only"]);
  });

  it("changes its faults at run time through PUT /local/faults and rejects bad ones", async () => {
    const sns = newSns();
    server = await startSnsServer(sns, 0);
    const ok = await fetch(`${server.url}/local/faults`, { method: "PUT", body: JSON.stringify({ drop: 0.25 }) });
    expect(ok.status).toBe(200);
    expect(sns.faults.drop).toBe(0.25);
    const bad = await fetch(`${server.url}/local/faults`, { method: "PUT", body: JSON.stringify({ drop: 7 }) });
    expect(bad.status).toBe(400);
    expect(sns.faults.drop).toBe(0.25);
  });

  it("accepts Publish from the unchanged AWS CLI and delivers it like its own", async (ctx) => {
    const aws = ["/usr/local/bin/aws", "/usr/bin/aws", `${process.env.HOME ?? ""}/.pyenv/shims/aws`].find(existsSync);
    if (!aws) {
      process.stderr.write("NOTICE: the AWS CLI is not installed; skipping the `aws sns publish` case\n");
      ctx.skip();
      return;
    }
    const sns = newSns();
    const arn = sns.createTopic("events");
    const got: SnsEvent[] = [];
    sns.subscribe(arn, "consumer", async (e) => void got.push(e as SnsEvent));
    server = await startSnsServer(sns, 0);
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_DEFAULT_REGION: "us-east-1",
    };
    const out = await run(
      aws,
      [
        "sns",
        "publish",
        "--endpoint-url",
        server.url,
        "--topic-arn",
        arn,
        "--message",
        '{"source":"aws.gamelift"}',
        "--output",
        "json",
      ],
      { env },
    );
    const { MessageId } = JSON.parse(out.stdout) as { MessageId: string };
    await sns.drain();
    expect(got[0]?.Records[0]?.Sns).toMatchObject({ MessageId, Message: '{"source":"aws.gamelift"}' });

    const missing = await run(
      aws,
      ["sns", "publish", "--endpoint-url", server.url, "--topic-arn", `${arn}-nope`, "--message", "x"],
      { env },
    ).catch((e: { stderr: string }) => e);
    expect((missing as { stderr: string }).stderr).toMatch(/NotFound/);
    const topics = JSON.parse(
      (await run(aws, ["sns", "list-topics", "--endpoint-url", server.url, "--output", "json"], { env })).stdout,
    ) as { Topics: { TopicArn: string }[] };
    expect(topics.Topics.map((t) => t.TopicArn)).toEqual([arn]);
  });
});
