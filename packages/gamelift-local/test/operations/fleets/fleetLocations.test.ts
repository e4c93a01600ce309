import {
  CreateFleetLocationsCommand,
  CreateGameSessionCommand,
  DeleteFleetLocationsCommand,
  DescribeFleetEventsCommand,
  DescribeFleetLocationAttributesCommand,
  DescribeFleetLocationUtilizationCommand,
  DescribeGameSessionsCommand,
  DescribeInstancesCommand,
  UpdateFleetCapacityCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeFleet } from "../../fixtures.js";
import { startHarness, type Harness } from "../../helpers.js";

describe.each(["json", "cbor"] as const)("fleet locations and events over %s", (protocol) => {
  let h: Harness;
  let gl: GameLiftClient;
  let fleetId: string;
  beforeEach(async () => {
    h = await startHarness();
    gl = h[protocol];
    ({ fleetId } = await activeFleet(h, gl));
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  const statuses = async (): Promise<[string | undefined, string | undefined][]> =>
    ((await gl.send(new DescribeFleetLocationAttributesCommand({ FleetId: fleetId }))).LocationAttributes ?? []).map(
      (a) => [a.LocationState?.Location, a.LocationState?.Status],
    );

  it("adds a remote location that activates on its own clock, with its own instances", async () => {
    const out = await gl.send(
      new CreateFleetLocationsCommand({ FleetId: fleetId, Locations: [{ Location: "eu-west-1" }] }),
    );
    expect(out.LocationStates).toEqual([{ Location: "eu-west-1", Status: "NEW", PlayerGatewayStatus: "DISABLED" }]);
    expect(await statuses()).toEqual([
      ["us-east-1", "ACTIVE"],
      ["eu-west-1", "NEW"],
    ]);
    await h.advance(2500, 500);
    expect(await statuses()).toEqual([
      ["us-east-1", "ACTIVE"],
      ["eu-west-1", "ACTIVE"],
    ]);
    const remote = await gl.send(new DescribeInstancesCommand({ FleetId: fleetId, Location: "eu-west-1" }));
    expect(remote.Instances?.map((i) => i.Location)).toEqual(["eu-west-1"]);
    const gs = await gl.send(
      new CreateGameSessionCommand({ FleetId: fleetId, Location: "eu-west-1", MaximumPlayerSessionCount: 2 }),
    );
    expect(gs.GameSession?.GameSessionId).toContain(`/${fleetId}/eu-west-1/`);
    await h.advance(100);
    const util = await gl.send(
      new DescribeFleetLocationUtilizationCommand({ FleetId: fleetId, Location: "eu-west-1" }),
    );
    expect(util.FleetUtilization).toMatchObject({
      Location: "eu-west-1",
      ActiveGameSessionCount: 1,
      ActiveServerProcessCount: 1,
    });
  });

  it("deletes a remote location with its sessions and instances, never the home one", async () => {
    await gl.send(new CreateFleetLocationsCommand({ FleetId: fleetId, Locations: [{ Location: "eu-west-1" }] }));
    await h.advance(2500, 500);
    const gs = await gl.send(
      new CreateGameSessionCommand({ FleetId: fleetId, Location: "eu-west-1", MaximumPlayerSessionCount: 2 }),
    );
    await gl.send(new DeleteFleetLocationsCommand({ FleetId: fleetId, Locations: ["eu-west-1"] }));
    expect(await statuses()).toEqual([
      ["us-east-1", "ACTIVE"],
      ["eu-west-1", "DELETING"],
    ]);
    await h.advance(100);
    expect(await statuses()).toEqual([["us-east-1", "ACTIVE"]]);
    const d = await gl.send(new DescribeGameSessionsCommand({ GameSessionId: gs.GameSession?.GameSessionId }));
    expect(d.GameSessions?.[0]).toMatchObject({ Status: "TERMINATED", StatusReason: "FORCE_TERMINATED" });
    expect(
      (await gl.send(new DescribeInstancesCommand({ FleetId: fleetId, Location: "eu-west-1" }))).Instances,
    ).toEqual([]);
    await expect(
      gl.send(new DeleteFleetLocationsCommand({ FleetId: fleetId, Locations: ["us-east-1"] })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("records fleet events and filters them by time (timestamps in the request)", async () => {
    const all = (await gl.send(new DescribeFleetEventsCommand({ FleetId: fleetId }))).Events ?? [];
    expect(all.map((e) => e.EventCode)).toEqual([
      "FLEET_CREATED",
      "FLEET_STATE_DOWNLOADING",
      "FLEET_STATE_VALIDATING",
      "FLEET_STATE_BUILDING",
      "FLEET_STATE_ACTIVATING",
      "FLEET_STATE_ACTIVE",
    ]);
    expect(all[0]).toMatchObject({ ResourceId: fleetId, EventTime: new Date("2026-05-01T12:00:00.000Z") });
    h.clock.advance(1000);
    await gl.send(new UpdateFleetCapacityCommand({ FleetId: fleetId, DesiredInstances: 0 }));
    const later = await gl.send(
      new DescribeFleetEventsCommand({ FleetId: fleetId, StartTime: new Date("2026-05-01T12:00:03.500Z") }),
    );
    expect(later.Events?.map((e) => e.EventCode)).toEqual(["FLEET_SCALING_EVENT"]);
    const early = await gl.send(
      new DescribeFleetEventsCommand({ FleetId: fleetId, EndTime: new Date("2026-05-01T12:00:01.000Z"), Limit: 1 }),
    );
    expect(early.Events?.map((e) => e.EventCode)).toEqual(["FLEET_CREATED"]);
    expect(early.NextToken).toBeDefined();
  });
});
