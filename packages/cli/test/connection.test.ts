import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readLocalConfig, resolveConnection } from "../src/connection.js";
import { RefusedError, UsageError } from "../src/errors.js";
import type { CliIo } from "../src/types.js";

function io(cwd: string, env: Record<string, string> = {}): CliIo & { err: string[] } {
  const err: string[] = [];
  return { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd, env, err };
}

describe("local stage config", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "matchplace-conn-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("is found in a parent of the working directory", async () => {
    await mkdir(join(root, ".matchplace"));
    await writeFile(
      join(root, ".matchplace", "local.json"),
      JSON.stringify({ gamelift: "http://127.0.0.1:9080", s3: "http://127.0.0.1:4569", region: "eu-west-1", pid: 1 }),
    );
    const nested = join(root, "packages", "cli");
    await mkdir(nested, { recursive: true });

    expect(readLocalConfig(nested)).toEqual({
      gamelift: "http://127.0.0.1:9080",
      s3: "http://127.0.0.1:4569",
      region: "eu-west-1",
    });
  });

  it("is refused with a hint when missing", () => {
    expect(() => readLocalConfig(root)).toThrow(RefusedError);
    expect(() => readLocalConfig(root)).toThrow(/npm start/);
  });

  it("is refused when it has no gamelift URL", async () => {
    await mkdir(join(root, ".matchplace"));
    await writeFile(join(root, ".matchplace", "local.json"), JSON.stringify({ api: "http://127.0.0.1:3000" }));

    expect(() => readLocalConfig(root)).toThrow(/no "gamelift" URL/);
  });

  it("points the clients at the local stage, S3 path-style", async () => {
    await mkdir(join(root, ".matchplace"));
    await writeFile(
      join(root, ".matchplace", "local.json"),
      JSON.stringify({ gamelift: "http://127.0.0.1:9080", s3: "http://127.0.0.1:4569" }),
    );

    const connection = resolveConnection({ local: true }, io(root));
    const s3 = connection.s3For({ accessKeyId: "a", secretAccessKey: "b" });

    expect(connection.mode).toBe("local");
    expect(await connection.gamelift.config.region()).toBe("us-east-1");
    expect(s3.config.forcePathStyle).toBe(true);
    expect(connection.s3Endpoint).toBe("http://127.0.0.1:4569");
  });
});

describe("resolveConnection", () => {
  it("rejects --local together with --endpoint", () => {
    expect(() => resolveConnection({ local: true, endpoint: "http://127.0.0.1:9080" }, io("/"))).toThrow(UsageError);
  });

  it("rejects an endpoint that is not an http URL", () => {
    expect(() => resolveConnection({ local: false, endpoint: "ftp://x" }, io("/"))).toThrow(/must be http/);
  });

  it("uses AWS (the default chains) without --local or --endpoint", () => {
    expect(resolveConnection({ local: false, region: "us-west-2" }, io("/")).mode).toBe("aws");
  });
});
