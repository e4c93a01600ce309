import {
  CreateBuildCommand,
  CreateFleetCommand,
  DeleteFleetCommand,
  DescribeFleetAttributesCommand,
  DescribeFleetCapacityCommand,
  DescribeFleetUtilizationCommand,
  DescribeInstancesCommand,
  GetInstanceAccessCommand,
  ListFleetsCommand,
  UpdateFleetCapacityCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../helpers.js";

const fleetInput = {
  Name: "arena",
  EC2InstanceType: "c5.large" as const,
  RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/server", ConcurrentExecutions: 3 }] },
  EC2InboundPermissions: [{ FromPort: 7000, ToPort: 7100, IpRange: "0.0.0.0/0", Protocol: "UDP" as const }],
};

async function createFleet(client: GameLiftClient, extra: Record<string, unknown> = {}): Promise<string> {
  const out = await client.send(new CreateFleetCommand({ ...fleetInput, ...extra }));
  return out.FleetAttributes?.FleetId ?? "";
}

describe.each(["json", "cbor"] as const)("fleets over %s", (protocol) => {
  let h: Harness;
  let gl: GameLiftClient;
  beforeEach(async () => {
    h = await startHarness();
    gl = h[protocol];
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it("creates a fleet that walks NEW → ACTIVE on the clock", async () => {
    const created = await gl.send(new CreateFleetCommand(fleetInput));
    const fleetId = created.FleetAttributes?.FleetId ?? "";
    expect(fleetId).toMatch(/^fleet-/);
    expect(created.FleetAttributes).toMatchObject({
      Status: "NEW",
      FleetArn: `arn:aws:gamelift:us-east-1:123456789012:fleet/${fleetId}`,
      CreationTime: new Date("2026-05-01T12:00:00.000Z"),
      ComputeType: "EC2",
    });
    expect(created.LocationStates).toEqual([{ Location: "us-east-1", Status: "NEW", PlayerGatewayStatus: "DISABLED" }]);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const d = await gl.send(new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }));
      seen.push(d.FleetAttributes?.[0]?.Status ?? "");
      await h.advance(500);
    }
    expect(seen).toEqual(["NEW", "DOWNLOADING", "VALIDATING", "BUILDING", "ACTIVATING", "ACTIVE"]);
  });

  it("runs one instance per desired instance at 127.0.0.1 and reports capacity", async () => {
    const fleetId = await createFleet(gl);
    await h.advance(3000, 500);
    await gl.send(new UpdateFleetCapacityCommand({ FleetId: fleetId, DesiredInstances: 3, MaxSize: 5 }));
    await h.advance(100);
    const { Instances = [] } = await gl.send(new DescribeInstancesCommand({ FleetId: fleetId }));
    expect(Instances).toHaveLength(3);
    expect(Instances[0]).toMatchObject({
      IpAddress: "127.0.0.1",
      Status: "ACTIVE",
      Location: "us-east-1",
      Type: "c5.large",
    });
    expect(Instances[0]?.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(Instances[0]?.DnsName).toMatch(/\.amazonaws\.com$/);
    const cap = await gl.send(new DescribeFleetCapacityCommand({ FleetIds: [fleetId] }));
    expect(cap.FleetCapacity?.[0]?.InstanceCounts).toEqual({
      DESIRED: 3,
      MINIMUM: 0,
      MAXIMUM: 5,
      PENDING: 0,
      ACTIVE: 3,
      IDLE: 3,
      TERMINATING: 0,
    });
    const util = await gl.send(new DescribeFleetUtilizationCommand({ FleetIds: [fleetId] }));
    expect(util.FleetUtilization?.[0]).toMatchObject({ ActiveServerProcessCount: 9, ActiveGameSessionCount: 0 });
  });

  it("rejects desired capacity outside MinSize..MaxSize", async () => {
    const fleetId = await createFleet(gl);
    await expect(
      gl.send(new UpdateFleetCapacityCommand({ FleetId: fleetId, DesiredInstances: 4 })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("pages ListFleets and DescribeFleetAttributes with Limit and NextToken", async () => {
    const ids = [await createFleet(gl), await createFleet(gl), await createFleet(gl)];
    const first = await gl.send(new ListFleetsCommand({ Limit: 2 }));
    expect(first.FleetIds).toEqual(ids.slice(0, 2));
    const second = await gl.send(new ListFleetsCommand({ Limit: 2, NextToken: first.NextToken }));
    expect(second).toMatchObject({ FleetIds: ids.slice(2) });
    expect(second.NextToken).toBeUndefined();
    const attrs = await gl.send(new DescribeFleetAttributesCommand({ FleetIds: [ids[1] ?? "", "fleet-missing"] }));
    expect(attrs.FleetAttributes?.map((f) => f.FleetId)).toEqual([ids[1]]);
  });

  it("deletes a fleet on the next tick", async () => {
    const fleetId = await createFleet(gl);
    await gl.send(new DeleteFleetCommand({ FleetId: fleetId }));
    const during = await gl.send(new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }));
    expect(during.FleetAttributes?.[0]?.Status).toBe("DELETING");
    await h.advance(100);
    const after = await gl.send(new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }));
    expect(after.FleetAttributes).toEqual([]);
    await expect(gl.send(new DeleteFleetCommand({ FleetId: fleetId }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });

  it("gives Linux instance access as gl-user-remote with a stable RSA private key", async () => {
    const fleetId = await createFleet(gl);
    await expect(gl.send(new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId: "i-0" }))).rejects.toMatchObject({
      name: "InvalidFleetStatusException",
    });
    await h.advance(2000, 500); // ACTIVATING
    const { Instances = [] } = await gl.send(new DescribeInstancesCommand({ FleetId: fleetId }));
    const InstanceId = Instances[0]?.InstanceId ?? "";
    const a = await gl.send(new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId }));
    const b = await gl.send(new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId }));
    expect(a.InstanceAccess).toMatchObject({
      FleetId: fleetId,
      InstanceId,
      IpAddress: "127.0.0.1",
      OperatingSystem: "AMAZON_LINUX_2023",
    });
    expect(a.InstanceAccess?.Credentials?.UserName).toBe("gl-user-remote");
    expect(a.InstanceAccess?.Credentials?.Secret).toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n?$/,
    );
    expect(b.InstanceAccess?.Credentials?.Secret).toBe(a.InstanceAccess?.Credentials?.Secret);
    await expect(
      gl.send(new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId: "i-nope" })),
    ).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });

  it("gives Windows instance access as a user name and password", async () => {
    const build = await gl.send(
      new CreateBuildCommand({
        Name: "win",
        OperatingSystem: "WINDOWS_2022",
        StorageLocation: { Bucket: "my-builds", Key: "win.zip" },
      }),
    );
    await h.advance(100);
    const fleetId = await createFleet(gl, {
      BuildId: build.Build?.BuildId,
      EC2InboundPermissions: [{ FromPort: 3389, ToPort: 3389, IpRange: "10.0.0.0/8", Protocol: "TCP" }],
    });
    await h.advance(3000, 500);
    const { Instances = [] } = await gl.send(new DescribeInstancesCommand({ FleetId: fleetId }));
    const access = await gl.send(
      new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId: Instances[0]?.InstanceId }),
    );
    expect(access.InstanceAccess).toMatchObject({
      OperatingSystem: "WINDOWS_2022",
      Credentials: { UserName: "gl-user-remote" },
    });
    const secret = access.InstanceAccess?.Credentials?.Secret ?? "";
    expect(secret).not.toContain("PRIVATE KEY");
    expect(secret).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{12,}$/);
  });

  it("validates CreateFleet members", async () => {
    await expect(gl.send(new CreateFleetCommand({ ...fleetInput, BuildId: "nope" }))).rejects.toMatchObject({
      name: "InvalidRequestException",
      message:
        "1 validation error detected: Value 'nope' at 'buildId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^build-\\S+|^arn:.*:build\\/build-\\S+",
    });
    await expect(
      gl.send(
        new CreateFleetCommand({
          ...fleetInput,
          RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/tmp/x", ConcurrentExecutions: 1 }] },
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidRequestException", message: expect.stringContaining("LaunchPath") });
    await expect(
      gl.send(
        new CreateFleetCommand({
          ...fleetInput,
          EC2InboundPermissions: [{ FromPort: 80, ToPort: 80, IpRange: "0.0.0.0/0", Protocol: "TCP" }],
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    // The model's enum, not a look-alike pattern: a typo is refused.
    await expect(
      gl.send(new CreateFleetCommand({ ...fleetInput, EC2InstanceType: "c5.larg" as never })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
      message: expect.stringMatching(
        /^1 validation error detected: Value 'c5.larg' at 'eC2InstanceType' failed to satisfy constraint: Member must satisfy enum value set: \[t2.micro, /,
      ),
    });
    // Launch paths and parameters follow the model's patterns.
    await expect(
      gl.send(
        new CreateFleetCommand({
          ...fleetInput,
          RuntimeConfiguration: {
            ServerProcesses: [{ LaunchPath: "/local/game/s", Parameters: "-port=1|x", ConcurrentExecutions: 1 }],
          },
        }),
      ),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        "Value '-port=1|x' at 'runtimeConfiguration.serverProcesses.1.member.parameters'",
      ),
    });
    await expect(
      gl.send(new CreateFleetCommand({ ...fleetInput, ServerLaunchPath: "/local/game/s\u0000" })),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        "at 'serverLaunchPath' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9_:.+\\/\\\\\\- ]+",
      ),
    });
  });
});
