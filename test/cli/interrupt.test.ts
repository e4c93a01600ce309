import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DescribeBuildCommand, GameLiftClient } from "@aws-sdk/client-gamelift";
import { startGameLiftEmulator, type GameLiftEmulator } from "@matchplace/gamelift-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMatchplace } from "./runMatchplace.js";

const shim = resolve(import.meta.dirname, "..", "..", "packages", "cli", "bin", "matchplace.js");

describe("Ctrl-C during matchplace build upload", () => {
  let emulator: GameLiftEmulator;
  let gamelift: GameLiftClient;
  let cwd: string;
  let flags: string[];

  beforeAll(async () => {
    emulator = await startGameLiftEmulator({ port: 0, tickIntervalMs: 25, s3: { port: 0 } });
    gamelift = new GameLiftClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    flags = ["--endpoint", emulator.url, "--s3-endpoint", emulator.s3Url ?? ""];
    cwd = await mkdtemp(join(tmpdir(), "matchplace-interrupt-"));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it("aborts the upload, removes the temporary zip, exits 130, and the build can be finished with --build", async () => {
    await mkdir(join(cwd, "game"));
    await mkdir(join(cwd, "tmp"));
    await writeFile(join(cwd, "game", "server.bin"), randomBytes(30 * 1024 * 1024));
    const args = [
      "build",
      "upload",
      "game",
      "--name",
      "int",
      "--version",
      "1",
      "--os",
      "AMAZON_LINUX_2023",
      "--part-size",
      "5",
      "--concurrency",
      "1",
      "--no-compress",
      ...flags,
    ];
    const child = spawn(process.execPath, [shim, ...args], { cwd, env: { ...process.env, TMPDIR: join(cwd, "tmp") } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/ 1\/\d+ parts/.test(stderr) && !child.killed) child.kill("SIGINT");
    });

    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));

    expect(stderr).toContain("interrupted: cleaning up (Ctrl-C again to quit at once)");
    expect(code).toBe(130);
    const buildId =
      /upload interrupted after \d of 7 parts; multipart upload aborted; build (build-\S+) stays INITIALIZED: run again with --build \1/.exec(
        stderr,
      )?.[1] ?? "";
    expect(buildId).toMatch(/^build-/);
    // (tsx keeps its own cache there too)
    expect((await readdir(join(cwd, "tmp"))).filter((name) => name.startsWith("matchplace-build-"))).toEqual([]);
    expect((await gamelift.send(new DescribeBuildCommand({ BuildId: buildId }))).Build?.Status).toBe("INITIALIZED");

    const again = await runMatchplace(cwd, "build", "upload", "game", "--build", buildId, "--no-compress", ...flags);

    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^status {4}READY$/m);
  });
});
