import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock/Clock.js";
import { createInProcessEmulator } from "../../../src/inProcess.js";
import { verifyComputeAuthToken } from "../../../src/operations/compute/verifyComputeAuthToken.js";

const setup = async () => {
  const clock = new ManualClock(Date.parse("2026-05-01T12:00:00.000Z"));
  const em = createInProcessEmulator({ clock });
  await em.call("CreateLocation", { LocationName: "custom-home" });
  const { FleetAttributes } = (await em.call("CreateFleet", {
    Name: "lab",
    ComputeType: "ANYWHERE",
    Locations: [{ Location: "custom-home" }],
    RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/server", ConcurrentExecutions: 2 }] },
  })) as { FleetAttributes: { FleetId: string; FleetArn: string } };
  return { clock, em, fleetId: FleetAttributes.FleetId, fleetArn: FleetAttributes.FleetArn };
};

describe("Anywhere fleets and their computes", () => {
  it("hosts nothing until a compute registers; then each compute takes as many sessions as it has processes", async () => {
    const { em, fleetId } = await setup();
    const create = () => em.call("CreateGameSession", { FleetId: fleetId, MaximumPlayerSessionCount: 2 });
    await expect(create()).rejects.toMatchObject({ name: "FleetCapacityExceededException" });
    await em.call("RegisterCompute", { FleetId: fleetId, ComputeName: "box-1", IpAddress: "10.0.0.5" });
    const a = (await create()) as { GameSession: { IpAddress: string; ComputeName: string; Location: string } };
    expect(a.GameSession).toMatchObject({ IpAddress: "10.0.0.5", ComputeName: "box-1", Location: "custom-home" });
    await create();
    await expect(create()).rejects.toMatchObject({ name: "FleetCapacityExceededException" });
    // The engine never scales an Anywhere fleet's hosts away.
    await em.tick();
    expect(
      ((await em.call("ListCompute", { FleetId: fleetId })) as { ComputeList: unknown[] }).ComputeList,
    ).toHaveLength(1);
  });

  it("places queue sessions on a compute, and deregistering it interrupts them", async () => {
    const { em, fleetId, fleetArn } = await setup();
    await em.call("RegisterCompute", { FleetId: fleetId, ComputeName: "box-1", DnsName: "box-1.lab.example" });
    await em.call("CreateGameSessionQueue", { Name: "q", Destinations: [{ DestinationArn: fleetArn }] });
    await em.call("StartGameSessionPlacement", {
      PlacementId: "p1",
      GameSessionQueueName: "q",
      MaximumPlayerSessionCount: 2,
    });
    await em.tick();
    const placed = (await em.call("DescribeGameSessionPlacement", { PlacementId: "p1" })) as {
      GameSessionPlacement: { Status: string; GameSessionId: string; DnsName: string };
    };
    expect(placed.GameSessionPlacement).toMatchObject({ Status: "FULFILLED", DnsName: "box-1.lab.example" });
    await em.call("DeregisterCompute", { FleetId: fleetId, ComputeName: "box-1" });
    const s = (await em.call("DescribeGameSessions", { GameSessionId: placed.GameSessionPlacement.GameSessionId })) as {
      GameSessions: { Status: string; StatusReason: string }[];
    };
    expect(s.GameSessions[0]).toMatchObject({ Status: "TERMINATED", StatusReason: "INTERRUPTED" });
  });

  it("refuses computes on EC2 fleets, without an address, or outside the fleet's locations", async () => {
    const { em, fleetId } = await setup();
    const ec2 = (await em.call("CreateFleet", { Name: "ec2", EC2InstanceType: "c5.large" })) as {
      FleetAttributes: { FleetId: string };
    };
    await expect(
      em.call("RegisterCompute", { FleetId: ec2.FleetAttributes.FleetId, ComputeName: "x", IpAddress: "10.0.0.1" }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(em.call("RegisterCompute", { FleetId: fleetId, ComputeName: "x" })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    await expect(
      em.call("RegisterCompute", {
        FleetId: fleetId,
        ComputeName: "x",
        IpAddress: "10.0.0.1",
        Location: "custom-elsewhere",
      }),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    await expect(
      em.call("CreateFleet", { Name: "ec2", EC2InstanceType: "c5.large", Locations: [{ Location: "custom-home" }] }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("admits a Server SDK process with a compute auth token until it expires (the seam for real game servers)", async () => {
    const { em, clock, fleetId } = await setup();
    await em.call("RegisterCompute", { FleetId: fleetId, ComputeName: "box-1", IpAddress: "10.0.0.5" });
    const { AuthToken } = (await em.call("GetComputeAuthToken", { FleetId: fleetId, ComputeName: "box-1" })) as {
      AuthToken: string;
    };
    expect(verifyComputeAuthToken(em.context, fleetId, "box-1", AuthToken)?.compute?.ComputeName).toBe("box-1");
    expect(verifyComputeAuthToken(em.context, fleetId, "box-1", "forged")).toBeUndefined();
    clock.advance(15 * 60_000);
    expect(verifyComputeAuthToken(em.context, fleetId, "box-1", AuthToken)).toBeUndefined();
  });

  it("keeps custom locations unique and lists them apart from AWS Regions", async () => {
    const { em } = await setup();
    await expect(em.call("CreateLocation", { LocationName: "custom-home" })).rejects.toMatchObject({
      name: "ConflictException",
    });
    await expect(em.call("CreateLocation", { LocationName: "home" })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    const custom = (await em.call("ListLocations", { Filters: ["CUSTOM"] })) as {
      Locations: { LocationName: string; PingBeacon?: unknown }[];
    };
    expect(custom.Locations).toEqual([
      { LocationName: "custom-home", LocationArn: "arn:aws:gamelift:us-east-1:123456789012:location/custom-home" },
    ]);
    const aws = (await em.call("ListLocations", { Filters: ["AWS"] })) as {
      Locations: { LocationName: string; PingBeacon: { UDPEndpoint: unknown } }[];
    };
    // Without the emulator's own beacons, AWS's documented ones.
    expect(aws.Locations.find((l) => l.LocationName === "eu-west-1")?.PingBeacon.UDPEndpoint).toEqual({
      Domain: "gamelift-ping.eu-west-1.api.aws",
      Port: 7770,
    });
    await expect(em.call("DeleteLocation", { LocationName: "custom-nope" })).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });
});

describe("player gateway and other echoed fleet members", () => {
  it("refuses combinations the service refuses, and echoes what it stores", async () => {
    const em = createInProcessEmulator();
    const base = { Name: "f", EC2InstanceType: "c5.large" };
    await expect(
      em.call("CreateFleet", { ...base, PlayerGatewayConfiguration: { GameServerIpProtocolSupported: "IPv4" } }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(
      em.call("CreateFleet", { ...base, InstanceRoleCredentialsProvider: "SHARED_CREDENTIAL_FILE" }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
    await expect(em.call("CreateFleet", { ...base, PlayerGatewayMode: "SOMETIMES" })).rejects.toMatchObject({
      message: expect.stringContaining(
        "Value 'SOMETIMES' at 'playerGatewayMode' failed to satisfy constraint: Member must satisfy enum value set: [DISABLED, ENABLED, REQUIRED]",
      ),
    });
    const f = (await em.call("CreateFleet", { ...base, PlayerGatewayMode: "REQUIRED" })) as {
      FleetAttributes: Record<string, unknown>;
      LocationStates: Record<string, unknown>[];
    };
    expect(f.FleetAttributes).toMatchObject({ PlayerGatewayMode: "REQUIRED" });
    expect(f.LocationStates[0]).toMatchObject({ PlayerGatewayStatus: "ENABLED" });
    await expect(
      em.call("UpdateFleetCapacity", {
        FleetId: f.FleetAttributes.FleetId,
        ManagedCapacityConfiguration: { ScaleInAfterInactivityMinutes: 2 },
      }),
    ).rejects.toMatchObject({
      message:
        "1 validation error detected: Value '2' at 'managedCapacityConfiguration.scaleInAfterInactivityMinutes' failed to satisfy constraint: Member must have value greater than or equal to 5",
    });
  });
});
