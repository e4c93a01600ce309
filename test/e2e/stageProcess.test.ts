import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
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
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!out.includes("local stage is up")) {
    if (child.exitCode !== null) throw new Error(`runner exited early: ${out}`);
    if (Date.now() > deadline) throw new Error(`runner did not come up: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, ddbPort, localJson, s3 };
}

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return cond();
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
    expect(await waitFor(() => javaOn(ddbPort).length === 0, 10_000)).toBe(true);
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
