import { execFile } from "node:child_process";
import { createPrivateKey } from "node:crypto";
import { lstat, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import {
  CreateFleetCommand,
  DescribeFleetAttributesCommand,
  GameLiftClient,
  GetInstanceAccessCommand,
} from "@aws-sdk/client-gamelift";
import { ManualClock, startGameLiftEmulator, type GameLiftEmulator } from "@matchplace/gamelift-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMatchplace } from "./runMatchplace.js";
import { writeZip } from "./zipFiles.js";

const repoRoot = resolve(import.meta.dirname, "..", "..");

describe("matchplace instance access against the emulator", () => {
  let emulator: GameLiftEmulator;
  let clock: ManualClock;
  let gamelift: GameLiftClient;
  let cwd: string;
  let endpoint: string[];

  async function createFleet(buildId?: string): Promise<string> {
    const out = await gamelift.send(
      new CreateFleetCommand({
        Name: "arena",
        EC2InstanceType: "c5.large",
        ...(buildId === undefined ? {} : { BuildId: buildId }),
      }),
    );
    return out.FleetAttributes?.FleetId ?? "";
  }

  async function activate(fleetId: string): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const out = await gamelift.send(new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }));
      if (out.FleetAttributes?.[0]?.Status === "ACTIVE") return;
      clock.advance(500);
      await emulator.tick();
    }
    throw new Error(`fleet ${fleetId} never turned ACTIVE`);
  }

  beforeAll(async () => {
    clock = new ManualClock(Date.parse("2026-05-01T12:00:00.000Z"));
    emulator = await startGameLiftEmulator({ port: 0, clock, tickIntervalMs: 0, s3: { port: 0 } });
    gamelift = new GameLiftClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    endpoint = ["--endpoint", emulator.url];
    cwd = await mkdtemp(join(tmpdir(), "matchplace-access-"));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it("writes the Linux key to a 0400 .pem that parses as an RSA private key, and prints the ssh command", async () => {
    const fleetId = await createFleet();
    await activate(fleetId);

    const run = await runMatchplace(cwd, "instance", "access", "--fleet", fleetId, "--first", ...endpoint);

    expect(run.code).toBe(0);
    const keyFile = /^private key (\S+\.pem) \(mode 0400\)$/m.exec(run.stdout)?.[1] ?? "";
    expect(keyFile.startsWith(cwd)).toBe(true);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o400);
    const key = createPrivateKey(await readFile(keyFile, "utf8"));
    expect(key.asymmetricKeyType).toBe("rsa");
    expect(run.stdout).toMatch(new RegExp(`^ssh -i '${keyFile}' gl-user-remote@127\\.0\\.0\\.1$`, "m"));
    expect(run.stdout + run.stderr).not.toContain("PRIVATE KEY");
  });

  it("does not weaken or overwrite an existing key file on a second run; --force replaces it, still 0400", async () => {
    const fleetId = await createFleet();
    await activate(fleetId);
    const out = join(cwd, "second.pem");
    const first = await runMatchplace(
      cwd,
      "instance",
      "access",
      "--fleet",
      fleetId,
      "--first",
      "--out",
      "second.pem",
      ...endpoint,
    );
    expect(first.code).toBe(0);
    const before = await lstat(out);

    const again = await runMatchplace(
      cwd,
      "instance",
      "access",
      "--fleet",
      fleetId,
      "--first",
      "--out",
      "second.pem",
      ...endpoint,
    );

    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/already exists; not overwriting it/);
    const after = await lstat(out);
    expect([after.ino, after.mode & 0o777, after.mtimeMs]).toEqual([before.ino, 0o400, before.mtimeMs]);

    const forced = await runMatchplace(
      cwd,
      "instance",
      "access",
      "--fleet",
      fleetId,
      "--first",
      "--out",
      "second.pem",
      "--force",
      ...endpoint,
    );

    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("replaced the old file");
    expect((await lstat(out)).mode & 0o777).toBe(0o400);
    expect(createPrivateKey(await readFile(out, "utf8")).type).toBe("private");
  });

  it("prints the Windows user and masks the RDP password unless --show-secret", async () => {
    await writeZip(join(cwd, "win.zip"), { "server.exe": "MZ" });
    const upload = await runMatchplace(
      cwd,
      "build",
      "upload",
      "win.zip",
      "--name",
      "win",
      "--version",
      "1",
      "--os",
      "WINDOWS_2022",
      "--no-wait",
      "--json",
      ...endpoint,
      "--s3-endpoint",
      emulator.s3Url ?? "",
    );
    const { buildId } = JSON.parse(upload.stdout) as { buildId: string };
    await emulator.tick(); // the build engine sees the object: READY
    const fleetId = await createFleet(buildId);
    await activate(fleetId);

    const masked = await runMatchplace(cwd, "instance", "access", "--fleet", fleetId, "--first", ...endpoint);
    const shown = await runMatchplace(
      cwd,
      "instance",
      "access",
      "--fleet",
      fleetId,
      "--first",
      "--show-secret",
      "--json",
      ...endpoint,
    );

    const instanceId = (JSON.parse(shown.stdout) as { instanceId: string }).instanceId;
    const access = await gamelift.send(new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId: instanceId }));
    const password = access.InstanceAccess?.Credentials?.Secret ?? "";
    expect(masked.code).toBe(0);
    expect(masked.stdout).toBe(
      "rdp       127.0.0.1:3389\nuser      gl-user-remote\npassword  ********   (--show-secret to print it)\n",
    );
    expect(masked.stdout).not.toContain(password);
    expect(JSON.parse(shown.stdout)).toEqual({
      fleetId,
      instanceId,
      ipAddress: "127.0.0.1",
      operatingSystem: "WINDOWS_2022",
      userName: "gl-user-remote",
      password,
    });
    expect(password.length).toBeGreaterThan(8);
  });

  it("refuses a fleet that is not ACTIVATING, ACTIVE or ERROR with exit 4", async () => {
    const fleetId = await createFleet(); // NEW until the clock moves

    const run = await runMatchplace(cwd, "instance", "access", "--fleet", fleetId, "--first", ...endpoint);

    expect(run.code).toBe(4);
    expect(run.stderr).toBe(
      `matchplace: fleet ${fleetId} is NEW; instance access needs it ACTIVATING, ACTIVE or ERROR\n`,
    );
  });

  it("reports an unknown fleet and an unknown instance with exit 3", async () => {
    const fleetId = await createFleet();
    await activate(fleetId);

    const noFleet = await runMatchplace(
      cwd,
      "instance",
      "access",
      "--fleet",
      "fleet-00000000-0000-0000-0000-000000000000",
      "--first",
      ...endpoint,
    );
    const noInstance = await runMatchplace(
      cwd,
      "instance",
      "access",
      "--fleet",
      fleetId,
      "--instance",
      "i-nope",
      ...endpoint,
    );

    expect(noFleet).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/fleet fleet-0+-0000-0000-0000-0+: not found/),
    });
    expect(noInstance).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/instance i-nope of fleet .*not found/),
    });
  });

  it("lists fleets and instances as tables", async () => {
    const fleetId = await createFleet();
    await activate(fleetId);

    const fleets = await runMatchplace(cwd, "fleets", ...endpoint);
    const instances = await runMatchplace(cwd, "instances", "--fleet", fleetId, ...endpoint);

    expect(fleets.code).toBe(0);
    expect(fleets.stdout.split("\n")[0]).toMatch(
      /^FLEET ID\s+NAME\s+STATUS\s+TYPE\s+INSTANCE TYPE\s+BUILD\s+OS\s+CREATED$/,
    );
    expect(fleets.stdout).toMatch(
      new RegExp(`^${fleetId}\\s+arena\\s+ACTIVE\\s+EC2\\s+c5\\.large\\s+-\\s+AMAZON_LINUX_2023\\s+2026-05-01T`, "m"),
    );
    expect(instances.code).toBe(0);
    expect(instances.stdout).toMatch(/^INSTANCE ID\s+STATUS\s+IP ADDRESS/);
    expect(instances.stdout).toMatch(/^i-\S+\s+ACTIVE\s+127\.0\.0\.1\s/m);
  });

  it("runs as `npx matchplace` from the repo root through the bin shim", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["--no-install", "matchplace", "fleets", "--json", ...endpoint],
      { cwd: repoRoot },
    );

    const fleets = JSON.parse(stdout) as Array<{ FleetId: string }>;
    expect(fleets.length).toBeGreaterThan(0);
    expect(fleets.every((f) => f.FleetId.startsWith("fleet-"))).toBe(true);
  });
});
