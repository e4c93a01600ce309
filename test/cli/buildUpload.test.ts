import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateBuildCommand,
  DescribeBuildCommand,
  GameLiftClient,
  RequestUploadCredentialsCommand,
} from "@aws-sdk/client-gamelift";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ManualClock, startGameLiftEmulator, type GameLiftEmulator } from "@matchplace/gamelift-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMatchplace, runMatchplaceWatching } from "./runMatchplace.js";
import { readZipBuffer, writeZip } from "./zipFiles.js";

const MiB = 1024 * 1024;
const ttlMs = 60_000;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("matchplace build upload against the emulator and its local S3", () => {
  let emulator: GameLiftEmulator;
  let clock: ManualClock;
  let gamelift: GameLiftClient;
  let cwd: string;
  let flags: string[];

  /** The object's bytes, read back through the local S3 with fresh upload credentials. */
  async function readObject(buildId: string): Promise<Buffer> {
    const grant = await gamelift.send(new RequestUploadCredentialsCommand({ BuildId: buildId }));
    const s3 = new S3Client({
      endpoint: emulator.s3Url ?? "",
      forcePathStyle: true,
      region: "us-east-1",
      credentials: {
        accessKeyId: grant.UploadCredentials?.AccessKeyId ?? "",
        secretAccessKey: grant.UploadCredentials?.SecretAccessKey ?? "",
        sessionToken: grant.UploadCredentials?.SessionToken ?? "",
      },
    });
    const out = await s3.send(
      new GetObjectCommand({ Bucket: grant.StorageLocation?.Bucket, Key: grant.StorageLocation?.Key }),
    );
    return Buffer.from((await out.Body?.transformToByteArray()) ?? []);
  }

  beforeAll(async () => {
    clock = new ManualClock(Date.parse("2026-05-01T12:00:00.000Z"));
    // The engines tick in real time (builds turn READY once their object is in S3); the clock only
    // moves when a test moves it, which is how credentials expire mid-upload.
    emulator = await startGameLiftEmulator({
      port: 0,
      clock,
      tickIntervalMs: 25,
      s3: { port: 0 },
      uploadCredentialsTtlMs: ttlMs,
    });
    gamelift = new GameLiftClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    flags = ["--endpoint", emulator.url, "--s3-endpoint", emulator.s3Url ?? ""];
    cwd = await mkdtemp(join(tmpdir(), "matchplace-upload-"));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it("uploads 50 MiB whose credentials expire mid-upload: refreshes, resumes, reaches READY with the bytes intact", async () => {
    const game = join(cwd, "game");
    await mkdir(game);
    const server = randomBytes(50 * MiB);
    await writeFile(join(game, "server.bin"), server);
    await writeFile(join(game, "install.sh"), "#!/bin/sh\necho installed\n", { mode: 0o755 });
    let expired = false;

    const run = await runMatchplaceWatching(
      cwd,
      (stderr) => {
        // Once 4 parts are stored, the credentials outlive their lifetime on the emulator's clock.
        if (!expired && / 4\/\d+ parts/.test(stderr)) {
          expired = true;
          clock.advance(ttlMs + 1);
        }
      },
      "build",
      "upload",
      "game",
      "--name",
      "arena-server",
      "--version",
      "1.0.0",
      "--os",
      "AMAZON_LINUX_2023",
      "--part-size",
      "5",
      "--no-compress",
      ...flags,
    );

    expect(run.stderr).toMatch(
      /upload credentials refused \(ExpiredToken\) on part \d+; requested fresh ones with RequestUploadCredentials, resuming \([4-9]\/11 parts kept\)/,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^uploaded 50\.0 MiB in 11 parts, [\d.]+ s, [\d.]+ [KM]iB\/s; credentials refreshed 1 time, [1-4] parts? redone$/m,
    );
    const buildId = /^build id {2}(build-\S+)$/m.exec(run.stdout)?.[1] ?? "";
    expect(run.stdout).toContain(`build arn arn:aws:gamelift:us-east-1:123456789012:build/${buildId}`);
    expect(run.stdout).toMatch(/^status {4}READY$/m);
    const described = await gamelift.send(new DescribeBuildCommand({ BuildId: buildId }));
    // SizeOnDisk is left out: the emulator may read it while its S3 is still writing the object.
    expect(described.Build).toMatchObject({
      Status: "READY",
      Name: "arena-server",
      Version: "1.0.0",
      OperatingSystem: "AMAZON_LINUX_2023",
    });
    const object = await readObject(buildId);
    expect(sha256(object)).toBe(/^sha256 {4}([0-9a-f]{64})$/m.exec(run.stdout)?.[1]);
    const entries = await readZipBuffer(object);
    expect(sha256(entries.get("server.bin") ?? Buffer.alloc(0))).toBe(sha256(server));
    expect(entries.get("install.sh")?.toString()).toBe("#!/bin/sh\necho installed\n");
  });

  it("uploads a zip as it is and prints JSON with the build, the sha256 and the upload figures", async () => {
    await writeZip(join(cwd, "small.zip"), { "server.sh": "#!/bin/sh\n" });
    const zip = await readFile(join(cwd, "small.zip"));

    const run = await runMatchplace(
      cwd,
      "build",
      "upload",
      "small.zip",
      "--name",
      "small",
      "--version",
      "2",
      "--os",
      "AMAZON_LINUX_2",
      "--json",
      ...flags,
    );

    expect(run).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      status: "READY",
      name: "small",
      version: "2",
      operatingSystem: "AMAZON_LINUX_2",
      bucket: "gamelift-builds-us-east-1-123456789012",
      bytes: zip.length,
      sha256: sha256(zip),
      parts: 1,
      credentialRefreshes: 0,
      partsRedone: 0,
    });
    expect(out.buildArn).toBe(`arn:aws:gamelift:us-east-1:123456789012:build/${String(out.buildId)}`);
    expect((await readObject(String(out.buildId))).equals(zip)).toBe(true);
  });

  it("refuses to upload into a build that is not INITIALIZED (exit 4), and names an unknown build (exit 3)", async () => {
    await writeZip(join(cwd, "again.zip"), { "server.sh": "#!/bin/sh\n" });
    const first = await runMatchplace(
      cwd,
      "build",
      "upload",
      "again.zip",
      "--name",
      "a",
      "--version",
      "1",
      "--os",
      "AMAZON_LINUX_2023",
      "--json",
      ...flags,
    );
    const { buildId } = JSON.parse(first.stdout) as { buildId: string };

    const ready = await runMatchplace(cwd, "build", "upload", "again.zip", "--build", buildId, ...flags);
    const unknown = await runMatchplace(
      cwd,
      "build",
      "upload",
      "again.zip",
      "--build",
      "build-00000000-0000-4000-8000-000000000000",
      ...flags,
    );

    expect(ready).toMatchObject({
      code: 4,
      stderr: `matchplace: build ${buildId} is READY; files can only be uploaded to an INITIALIZED build\n`,
    });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^matchplace: build build-0+-0000-4000-8000-0+: not found/);
  });

  it("uploads into an existing INITIALIZED build with --build", async () => {
    const created = await gamelift.send(
      new CreateBuildCommand({ Name: "later", Version: "1", OperatingSystem: "AMAZON_LINUX_2023" }),
    );
    const buildId = created.Build?.BuildId ?? "";
    await writeZip(join(cwd, "later.zip"), { "server.sh": "later\n" });

    const run = await runMatchplace(cwd, "build", "upload", "later.zip", "--build", buildId, ...flags);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`build id  ${buildId}`);
    expect(run.stdout).toMatch(/^status {4}READY$/m);
  });

  it("prints upload credentials as shell exports that the local S3 accepts for the build", async () => {
    const created = await gamelift.send(
      new CreateBuildCommand({ Name: "manual", Version: "1", OperatingSystem: "AMAZON_LINUX_2023" }),
    );
    const buildId = created.Build?.BuildId ?? "";

    const run = await runMatchplace(cwd, "build", "credentials", buildId, ...flags);

    expect(run.code).toBe(0);
    const exports = Object.fromEntries([...run.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(exports)).toEqual([
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN",
      "GAMELIFT_BUILD_BUCKET",
      "GAMELIFT_BUILD_KEY",
      "AWS_ENDPOINT_URL_S3",
    ]);
    expect(run.stdout).toContain(
      `# bucket: ${exports.GAMELIFT_BUILD_BUCKET ?? ""}\n# key:    ${exports.GAMELIFT_BUILD_KEY ?? ""}\n`,
    );
    const s3 = new S3Client({
      endpoint: exports.AWS_ENDPOINT_URL_S3,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: {
        accessKeyId: exports.AWS_ACCESS_KEY_ID ?? "",
        secretAccessKey: exports.AWS_SECRET_ACCESS_KEY ?? "",
        sessionToken: exports.AWS_SESSION_TOKEN ?? "",
      },
    });
    await s3.send(
      new PutObjectCommand({
        Bucket: exports.GAMELIFT_BUILD_BUCKET,
        Key: exports.GAMELIFT_BUILD_KEY,
        Body: "zip bytes",
      }),
    );
    // The object is stored once PutObject answers: the engines' next pass turns the build READY.
    await emulator.tick();
    expect((await gamelift.send(new DescribeBuildCommand({ BuildId: buildId }))).Build?.Status).toBe("READY");
  });

  it("lists builds as a table, filtered by status", async () => {
    const created = await gamelift.send(
      new CreateBuildCommand({ Name: "pending-build", Version: "9", OperatingSystem: "WINDOWS_2022" }),
    );

    const all = await runMatchplace(cwd, "builds", ...flags);
    const initialized = await runMatchplace(cwd, "builds", "--status", "INITIALIZED", ...flags);

    expect(all.code).toBe(0);
    expect(all.stdout.split("\n")[0]).toMatch(/^BUILD ID\s+NAME\s+VERSION\s+STATUS\s+OS\s+SIZE\s+CREATED$/);
    expect(all.stdout).toMatch(/^build-\S+\s+arena-server\s+1\.0\.0\s+READY\s+AMAZON_LINUX_2023\s+/m);
    expect(initialized.stdout).toMatch(
      new RegExp(
        `^${created.Build?.BuildId ?? ""}\\s+pending-build\\s+9\\s+INITIALIZED\\s+WINDOWS_2022\\s+0 B\\s+2026-05-01T`,
        "m",
      ),
    );
    expect(initialized.stdout).not.toMatch(/READY/);
  });
});

describe("matchplace build upload against a GameLift that hands out a dotted bucket", () => {
  it("refuses the StorageLocation with exit 5 before uploading anything", async () => {
    const build = {
      BuildId: "build-dotted",
      BuildArn: "arn:aws:gamelift:us-east-1:123456789012:build/build-dotted",
      Status: "INITIALIZED",
    };
    const dotted = await startGameLiftEmulator({
      port: 0,
      tickIntervalMs: 0,
      extraOperations: {
        CreateBuild: () => ({
          Build: build,
          UploadCredentials: { AccessKeyId: "ASIAX", SecretAccessKey: "s", SessionToken: "t" },
          StorageLocation: { Bucket: "my.game.builds", Key: "builds/build-dotted" },
        }),
      },
    });
    const cwd = await mkdtemp(join(tmpdir(), "matchplace-dotted-"));
    try {
      await writeZip(join(cwd, "b.zip"), { a: "a" });

      const run = await runMatchplace(
        cwd,
        "build",
        "upload",
        "b.zip",
        "--name",
        "a",
        "--version",
        "1",
        "--os",
        "AMAZON_LINUX_2023",
        "--endpoint",
        dotted.url,
      );

      expect(run).toMatchObject({
        code: 5,
        stderr:
          'matchplace: build build-dotted: StorageLocation bucket "my.game.builds" has a dot in its name; GameLift does not support such buckets\n',
      });
    } finally {
      await dotted.close();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
