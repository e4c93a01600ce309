import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers.js";

const run = promisify(execFile);
const hasAws = spawnSync("aws", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasAws) console.warn("NOTICE: the AWS CLI (`aws`) is not installed; the AWS CLI conformance tests are skipped.");

describe.skipIf(!hasAws)("the AWS CLI against the emulator", () => {
  let h: Harness;
  let dir: string;
  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: dir,
    AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL_S3: h.emulator.s3Url,
  });
  /** Runs `aws gamelift <args>` and parses its JSON output. */
  const gamelift = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await run("aws", ["gamelift", ...args, "--endpoint-url", h.emulator.url, "--output", "json"], {
      env: env(),
    });
    return JSON.parse(stdout || "{}") as Record<string, unknown>;
  };
  const text = async (...args: string[]): Promise<string> =>
    (await run("aws", ["gamelift", ...args, "--endpoint-url", h.emulator.url, "--output", "text"], { env: env() }))
      .stdout;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gamelift-cli-"));
    h = await startHarness({ s3: { port: 0 }, pingBeacons: {} });
  });
  afterAll(async () => {
    await h.emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("uploads a build with `aws gamelift upload-build` into the local S3; the build turns READY", async () => {
    await writeFile(join(dir, "server.sh"), "#!/bin/sh\necho hi\n");
    const { stdout } = await run(
      "aws",
      [
        "gamelift",
        "upload-build",
        "--name",
        "b",
        "--build-version",
        "1",
        "--build-root",
        dir,
        "--operating-system",
        "AMAZON_LINUX_2023",
        "--endpoint-url",
        h.emulator.url,
      ],
      { env: env() },
    );
    const buildId = /Build ID: (build-\S+)/.exec(stdout)?.[1] ?? "";
    await h.advance(100);
    const out = await gamelift("describe-build", "--build-id", buildId);
    expect(out.Build).toMatchObject({ BuildId: buildId, Status: "READY", OperatingSystem: "AMAZON_LINUX_2023" });
    expect((out.Build as { SizeOnDisk: number }).SizeOnDisk).toBeGreaterThan(0);
  }, 60_000);

  it("creates a fleet, gets a usable PEM key with --query ... --output text", async () => {
    const created = (await gamelift(
      "create-fleet",
      "--name",
      "cli",
      "--ec2-instance-type",
      "c5.large",
      "--runtime-configuration",
      "ServerProcesses=[{LaunchPath=/local/game/s,ConcurrentExecutions=2}]",
      "--ec2-inbound-permissions",
      "FromPort=7000,ToPort=7100,IpRange=0.0.0.0/0,Protocol=UDP",
    )) as { FleetAttributes: { FleetId: string; Status: string } };
    const fleetId = created.FleetAttributes.FleetId;
    expect(created.FleetAttributes.Status).toBe("NEW");
    await h.advance(3000, 500);
    const instances = (await gamelift("describe-instances", "--fleet-id", fleetId)) as {
      Instances: { InstanceId: string; IpAddress: string }[];
    };
    expect(instances.Instances.map((i) => i.IpAddress)).toEqual(["127.0.0.1"]);
    const pem = await text(
      "get-instance-access",
      "--fleet-id",
      fleetId,
      "--instance-id",
      instances.Instances[0]?.InstanceId ?? "",
      "--query",
      "InstanceAccess.Credentials.Secret",
    );
    expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END RSA PRIVATE KEY-----\n/);

    await gamelift(
      "create-game-session-queue",
      "--name",
      "cli-q",
      "--destinations",
      `DestinationArn=arn:aws:gamelift:us-east-1:123456789012:fleet/${fleetId}`,
    );
    await gamelift(
      "start-game-session-placement",
      "--placement-id",
      "cli-1",
      "--game-session-queue-name",
      "cli-q",
      "--maximum-player-session-count",
      "4",
      "--game-properties",
      "Key=mode,Value=duel",
      "--desired-player-sessions",
      "PlayerId=p1",
    );
    await h.advance(100);
    const placement = (await gamelift("describe-game-session-placement", "--placement-id", "cli-1")) as {
      GameSessionPlacement: Record<string, unknown>;
    };
    expect(placement.GameSessionPlacement).toMatchObject({ Status: "FULFILLED", IpAddress: "127.0.0.1" });
    const found = (await gamelift(
      "search-game-sessions",
      "--fleet-id",
      fleetId,
      "--filter-expression",
      "gameSessionProperties.mode = 'duel' AND hasAvailablePlayerSessions = true",
    )) as {
      GameSessions: { GameSessionId: string }[];
    };
    expect(found.GameSessions.map((s) => s.GameSessionId)).toEqual([placement.GameSessionPlacement.GameSessionArn]);
  }, 120_000);

  it("lists locations with ping beacons, hosts on an Anywhere compute, and answers connection details and log URLs", async () => {
    const locations = (await gamelift("list-locations", "--filters", "AWS")) as {
      Locations: { LocationName: string; PingBeacon?: { UDPEndpoint?: { Domain: string; Port: number } } }[];
    };
    expect(locations.Locations.find((l) => l.LocationName === "us-east-1")?.PingBeacon?.UDPEndpoint).toEqual({
      Domain: "127.0.0.1",
      Port: expect.any(Number),
    });
    await gamelift("create-location", "--location-name", "custom-cli");
    const fleet = (await gamelift(
      "create-fleet",
      "--name",
      "cli-anywhere",
      "--compute-type",
      "ANYWHERE",
      "--locations",
      "Location=custom-cli",
      "--anywhere-configuration",
      "Cost=0.2",
    )) as {
      FleetAttributes: { FleetId: string; AnywhereConfiguration: { Cost: string } };
    };
    const fleetId = fleet.FleetAttributes.FleetId;
    expect(fleet.FleetAttributes.AnywhereConfiguration).toEqual({ Cost: "0.2" });
    const compute = (await gamelift(
      "register-compute",
      "--fleet-id",
      fleetId,
      "--compute-name",
      "box-1",
      "--ip-address",
      "127.0.0.1",
      "--location",
      "custom-cli",
    )) as { Compute: Record<string, unknown> };
    expect(compute.Compute).toMatchObject({ ComputeName: "box-1", ComputeStatus: "ACTIVE", Location: "custom-cli" });
    expect(
      ((await gamelift("list-compute", "--fleet-id", fleetId)) as { ComputeList: unknown[] }).ComputeList,
    ).toHaveLength(1);
    expect(
      (
        (await gamelift("describe-compute", "--fleet-id", fleetId, "--compute-name", "box-1")) as {
          Compute: { IpAddress: string };
        }
      ).Compute.IpAddress,
    ).toBe("127.0.0.1");
    expect(
      await text("get-compute-auth-token", "--fleet-id", fleetId, "--compute-name", "box-1", "--query", "AuthToken"),
    ).toMatch(/^\S{20,}\n$/);
    expect(
      ((await gamelift("get-compute-access", "--fleet-id", fleetId, "--compute-name", "box-1")) as { Target: string })
        .Target,
    ).toBe("box-1");
    const gs = (await gamelift(
      "create-game-session",
      "--fleet-id",
      fleetId,
      "--maximum-player-session-count",
      "2",
      "--location",
      "custom-cli",
    )) as { GameSession: { GameSessionId: string; Port: number } };
    await h.advance(100);
    const details = (await gamelift(
      "get-player-connection-details",
      "--game-session-id",
      gs.GameSession.GameSessionId,
      "--player-ids",
      "p1",
    )) as { PlayerConnectionDetails: unknown[] };
    expect(details.PlayerConnectionDetails).toEqual([
      { PlayerId: "p1", Endpoints: [{ IpAddress: "127.0.0.1", Port: gs.GameSession.Port }] },
    ]);
    await gamelift(
      "terminate-game-session",
      "--game-session-id",
      gs.GameSession.GameSessionId,
      "--termination-mode",
      "FORCE_TERMINATE",
    );
    const url = (
      await text(
        "get-game-session-log-url",
        "--game-session-id",
        gs.GameSession.GameSessionId,
        "--query",
        "PreSignedUrl",
      )
    ).trim();
    expect((await fetch(url)).status).toBe(200);
    await gamelift("deregister-compute", "--fleet-id", fleetId, "--compute-name", "box-1");
    await gamelift("delete-fleet", "--fleet-id", fleetId);
    await h.advance(100);
    await gamelift("delete-location", "--location-name", "custom-cli");
  }, 120_000);

  it("refuses an instance type outside the model's enum, naming the value as GameLift does", async () => {
    const err = await run(
      "aws",
      [
        "gamelift",
        "create-fleet",
        "--name",
        "typo",
        "--ec2-instance-type",
        "c5.larg",
        "--endpoint-url",
        h.emulator.url,
      ],
      { env: env() },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 255,
      stderr: expect.stringContaining(
        "An error occurred (InvalidRequestException) when calling the CreateFleet operation: 1 validation error detected: Value 'c5.larg' at 'eC2InstanceType' failed to satisfy constraint: Member must satisfy enum value set: [t2.micro,",
      ),
    });
  }, 60_000);

  it("puts, describes and deletes scaling policies, stops and starts auto-scaling, scales to zero", async () => {
    const created = (await gamelift(
      "create-fleet",
      "--name",
      "cli-scaling",
      "--ec2-instance-type",
      "c5.large",
      "--runtime-configuration",
      "ServerProcesses=[{LaunchPath=/local/game/s,ConcurrentExecutions=2}]",
    )) as { FleetAttributes: { FleetId: string } };
    const fleetId = created.FleetAttributes.FleetId;
    await h.advance(3000, 500);
    await gamelift(
      "put-scaling-policy",
      "--fleet-id",
      fleetId,
      "--name",
      "keep-20",
      "--policy-type",
      "TargetBased",
      "--metric-name",
      "PercentAvailableGameSessions",
      "--target-configuration",
      "TargetValue=20",
    );
    await gamelift(
      "put-scaling-policy",
      "--fleet-id",
      fleetId,
      "--name",
      "waits",
      "--policy-type",
      "RuleBased",
      "--metric-name",
      "QueueDepth",
      "--comparison-operator",
      "GreaterThanThreshold",
      "--threshold",
      "0",
      "--evaluation-periods",
      "1",
      "--scaling-adjustment-type",
      "ChangeInCapacity",
      "--scaling-adjustment",
      "2",
    );
    const described = (await gamelift("describe-scaling-policies", "--fleet-id", fleetId)) as {
      ScalingPolicies: Record<string, unknown>[];
    };
    expect(described.ScalingPolicies).toMatchObject([
      {
        Name: "keep-20",
        PolicyType: "TargetBased",
        MetricName: "PercentAvailableGameSessions",
        TargetConfiguration: { TargetValue: 20 },
        Status: "ACTIVE",
      },
      {
        Name: "waits",
        PolicyType: "RuleBased",
        ComparisonOperator: "GreaterThanThreshold",
        Threshold: 0,
        ScalingAdjustment: 2,
        Status: "ACTIVE",
      },
    ]);
    await gamelift("stop-fleet-actions", "--fleet-id", fleetId, "--actions", "AUTO_SCALING");
    expect(
      await text(
        "describe-fleet-attributes",
        "--fleet-ids",
        fleetId,
        "--query",
        "FleetAttributes[0].StoppedActions[0]",
      ),
    ).toBe("AUTO_SCALING\n");
    await gamelift("start-fleet-actions", "--fleet-id", fleetId, "--actions", "AUTO_SCALING");
    await gamelift("delete-scaling-policy", "--fleet-id", fleetId, "--name", "waits");
    expect(await text("describe-scaling-policies", "--fleet-id", fleetId, "--query", "ScalingPolicies[].Name")).toBe(
      "keep-20\n",
    );
    const managed = await gamelift(
      "update-fleet-capacity",
      "--fleet-id",
      fleetId,
      "--max-size",
      "4",
      "--managed-capacity-configuration",
      "ZeroCapacityStrategy=SCALE_TO_AND_FROM_ZERO,ScaleInAfterInactivityMinutes=5",
    );
    expect(managed.ManagedCapacityConfiguration).toEqual({
      ZeroCapacityStrategy: "SCALE_TO_AND_FROM_ZERO",
      ScaleInAfterInactivityMinutes: 5,
    });
    await h.advance(5 * 60_000, 30_000);
    const capacity = (await gamelift("describe-fleet-capacity", "--fleet-ids", fleetId)) as {
      FleetCapacity: { InstanceCounts: Record<string, number> }[];
    };
    expect(capacity.FleetCapacity[0]?.InstanceCounts).toMatchObject({ DESIRED: 0, MINIMUM: 0, ACTIVE: 0 });
    const refused = await run(
      "aws",
      [
        "gamelift",
        "update-fleet-capacity",
        "--fleet-id",
        fleetId,
        "--min-size",
        "1",
        "--managed-capacity-configuration",
        "ZeroCapacityStrategy=SCALE_TO_AND_FROM_ZERO",
        "--endpoint-url",
        h.emulator.url,
      ],
      { env: env() },
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 255, stderr: expect.stringContaining("InvalidRequestException") });
  }, 120_000);

  it("reports a modeled error on stderr with a failing exit code", async () => {
    const err = await run(
      "aws",
      ["gamelift", "describe-build", "--build-id", "build-nope", "--endpoint-url", h.emulator.url],
      { env: env() },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 255,
      stderr: expect.stringContaining(
        "An error occurred (NotFoundException) when calling the DescribeBuild operation: Build build-nope not found.",
      ),
    });
  }, 60_000);
});
