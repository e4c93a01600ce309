import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "@matchplace/local/dynamodb";

/** java processes serving DynamoDB Local on this port. */
function javaOn(port: number): number[] {
  return execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l.includes("DynamoDBLocal.jar") && l.includes(`-port ${port} `) && !l.includes("sh -c"))
    .map((l) => Number.parseInt(l.trim(), 10));
}

async function startRunner(): Promise<{ child: ChildProcess; ddbPort: number; localJson: string; s3: number }> {
  const [api, gamelift, ddbPort, sns, s3] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const localJson = join(mkdtempSync(join(tmpdir(), "mp-stage-")), "local.json");
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "packages/local/src/main.ts",
      "--api-port",
      String(api),
      "--websocket-port",
      "0",
      "--dashboard-port",
      "0",
      "--gamelift-port",
      String(gamelift),
      "--dynamodb-port",
      String(ddbPort),
      "--sns-port",
      String(sns),
      "--s3-port",
      String(s3),
      "--reconcile-ms",
      "0",
    ],
    { env: { ...process.env, MATCHPLACE_LOCAL_JSON: localJson }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  // Resolves on the runner's own "up" line, rejects if it exits first (the test's timeout bounds it).
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.includes("local stage is up")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () => reject(new Error(`runner exited early: ${out}`)));
  });
  return { child, ddbPort, localJson, s3 };
}

/**
 * Resolves once no DynamoDB Local serves `port`: holds a TCP connection to it and looks again each
 * time the connection closes (the JVM dying closes it), so nothing waits on wall time.
 */
async function jvmGone(port: number): Promise<void> {
  while (javaOn(port).length > 0) {
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("close", () => resolve());
      socket.once("error", () => socket.destroy());
    });
  }
}

describe("npm start as a process", () => {
  it("writes its endpoints and leaves no java process behind after SIGTERM", async () => {
    const { child, ddbPort, localJson, s3 } = await startRunner();
    const endpoints = JSON.parse(readFileSync(localJson, "utf8")) as Record<string, unknown>;
    expect(endpoints).toMatchObject({
      api: expect.any(String),
      dashboard: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      gamelift: expect.any(String),
      dynamodb: `http://127.0.0.1:${ddbPort}`,
      sns: expect.any(String),
      s3: `http://127.0.0.1:${s3}`,
    });
    expect((await fetch(`${String(endpoints.api)}/v1/health`)).status).toBe(200);
    expect(javaOn(ddbPort)).toHaveLength(1);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(javaOn(ddbPort)).toEqual([]);
    expect(existsSync(localJson)).toBe(false);
  }, 120_000);

  it("leaves no java process behind when the runner is killed outright", async () => {
    const { child, ddbPort } = await startRunner();
    expect(javaOn(ddbPort)).toHaveLength(1);
    child.kill("SIGKILL");
    // the guard notices its parent is gone within a second and stops the JVM
    await jvmGone(ddbPort);
    expect(javaOn(ddbPort)).toEqual([]);
  }, 120_000);
});

describe("npm start without Java", () => {
  it("says in one line what to install and exits non-zero", async () => {
    // A PATH with nothing on it: node is started by its absolute path, and no `java` can be found.
    const emptyPath = mkdtempSync(join(tmpdir(), "mp-nopath-"));
    const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/main.ts"], {
      env: { ...process.env, PATH: emptyPath, MATCHPLACE_LOCAL_JSON: join(tmpdir(), "mp-nojava.json") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    expect(code).toBe(1);
    const lines = err
      .split("\n")
      .filter((l) => l.trim() && !l.includes("NodeDeprecationWarning") && !l.includes("node --trace"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17\+ is required.*install/);
  }, 60_000);
});
