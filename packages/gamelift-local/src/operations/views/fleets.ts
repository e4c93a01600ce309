import { activeInstances, utilizationOf } from "../../engines/fleets/capacity.js";
import { collections } from "../../engines/state/collections.js";
import type { FleetRecord, InstanceRecord, LocationCapacity } from "../../engines/state/records.js";
import type { EmulatorContext } from "../../engines/context.js";

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** FleetAttributes of the API. */
export function fleetAttributes(f: FleetRecord): Record<string, unknown> {
  return {
    FleetId: f.FleetId,
    FleetArn: f.FleetArn,
    FleetType: f.ComputeType === "EC2" ? f.FleetType : undefined,
    InstanceType: f.InstanceType,
    Description: f.Description,
    Name: f.Name,
    CreationTime: new Date(f.CreationTime),
    TerminationTime: date(f.TerminationTime),
    Status: f.Status,
    BuildId: f.BuildId,
    BuildArn: f.BuildArn,
    ScriptId: f.ScriptId,
    ScriptArn: f.ScriptArn,
    ServerLaunchPath: f.ServerLaunchPath,
    ServerLaunchParameters: f.ServerLaunchParameters,
    LogPaths: f.LogPaths,
    NewGameSessionProtectionPolicy: f.NewGameSessionProtectionPolicy,
    OperatingSystem: f.OperatingSystem,
    ResourceCreationLimitPolicy: f.ResourceCreationLimitPolicy,
    MetricGroups: f.MetricGroups,
    StoppedActions: f.locations[0]?.StoppedActions,
    InstanceRoleArn: f.InstanceRoleArn,
    CertificateConfiguration: f.CertificateConfiguration ?? { CertificateType: "DISABLED" },
    ComputeType: f.ComputeType,
    AnywhereConfiguration: f.AnywhereConfiguration,
    InstanceRoleCredentialsProvider: f.InstanceRoleCredentialsProvider,
    PlayerGatewayMode: f.PlayerGatewayMode,
    PlayerGatewayConfiguration: f.PlayerGatewayConfiguration,
  };
}

/** `PlayerGatewayStatus` of a fleet's locations and game sessions: ENABLED when its mode is ENABLED or REQUIRED. */
export function playerGatewayStatus(f: FleetRecord | undefined): "ENABLED" | "DISABLED" | undefined {
  if (f?.ComputeType !== "EC2") return undefined;
  return f.PlayerGatewayMode === "ENABLED" || f.PlayerGatewayMode === "REQUIRED" ? "ENABLED" : "DISABLED";
}

/** LocationStates of the API. */
export function locationStates(f: FleetRecord): Record<string, unknown>[] {
  return f.locations.map((l) => ({
    Location: l.Location,
    Status: l.Status,
    PlayerGatewayStatus: playerGatewayStatus(f),
  }));
}

/** FleetCapacity of one location. */
export function fleetCapacity(ctx: EmulatorContext, f: FleetRecord, loc: LocationCapacity): Record<string, unknown> {
  const cols = collections(ctx.store);
  const here = cols.instances.values().filter((i) => i.FleetId === f.FleetId && i.Location === loc.Location);
  const busy = new Set(
    cols.gameSessions
      .values()
      .filter((s) => s.FleetId === f.FleetId && (s.Status === "ACTIVE" || s.Status === "ACTIVATING"))
      .map((s) => s.InstanceId),
  );
  const active = activeInstances(ctx, f.FleetId, loc.Location);
  return {
    FleetId: f.FleetId,
    FleetArn: f.FleetArn,
    InstanceType: f.InstanceType,
    Location: loc.Location,
    InstanceCounts: {
      DESIRED: loc.Desired,
      MINIMUM: loc.Minimum,
      MAXIMUM: loc.Maximum,
      PENDING: here.filter((i) => i.Status === "PENDING").length,
      ACTIVE: active.length,
      IDLE: active.filter((i) => !busy.has(i.InstanceId)).length,
      TERMINATING: here.filter((i) => i.Status === "TERMINATING").length,
    },
    ManagedCapacityConfiguration: loc.ManagedCapacityConfiguration,
  };
}

/** FleetUtilization of the fleet (home location) or one location. */
export function fleetUtilization(ctx: EmulatorContext, f: FleetRecord, location?: string): Record<string, unknown> {
  return { FleetId: f.FleetId, FleetArn: f.FleetArn, Location: location, ...utilizationOf(ctx, f, location) };
}

/** Instance of the API. */
export function instanceView(f: FleetRecord, i: InstanceRecord): Record<string, unknown> {
  return {
    FleetId: i.FleetId,
    FleetArn: f.FleetArn,
    InstanceId: i.InstanceId,
    IpAddress: i.IpAddress,
    DnsName: i.DnsName,
    OperatingSystem: i.OperatingSystem,
    Type: i.Type,
    Status: i.Status,
    CreationTime: new Date(i.CreationTime),
    Location: i.Location,
  };
}
