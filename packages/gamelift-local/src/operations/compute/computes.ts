import { randomBytes } from "node:crypto";
import { arnOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { FleetRecord, InstanceRecord } from "../../engines/state/records.js";
import { NotFoundException } from "../../errors.js";
import type { EmulatorContext } from "../../engines/context.js";

/** The store key of a compute registered to an Anywhere fleet. */
export const computeKey = (fleetId: string, computeName: string): string => `${fleetId}/${computeName}`;

/** A compute name given by name or ARN (`arn:...:compute/<name>`). */
const computeNameOf = (nameOrArn: string): string =>
  nameOrArn.startsWith("arn:") ? nameOrArn.slice(nameOrArn.indexOf(":compute/") + 9) : nameOrArn;

/**
 * A fleet's compute by name: a registered compute of an Anywhere fleet, or an EC2 fleet's instance
 * (whose compute name is its instance id), else `NotFoundException`.
 */
export function requireCompute(ctx: EmulatorContext, fleet: FleetRecord, nameOrArn: string): InstanceRecord {
  const name = computeNameOf(nameOrArn);
  const instances = collections(ctx.store).instances;
  const found = fleet.ComputeType === "ANYWHERE" ? instances.get(computeKey(fleet.FleetId, name)) : instances.get(name);
  if (!found || found.FleetId !== fleet.FleetId)
    throw new NotFoundException(`Compute ${name} not found in fleet ${fleet.FleetId}.`);
  return found;
}

/** The compute name of an instance record. */
export const computeNameOfRecord = (i: InstanceRecord): string => i.compute?.ComputeName ?? i.InstanceId;

/** `arn:aws:gamelift:<region>:<account>:compute/<name>`. */
export const computeArnOf = (ctx: EmulatorContext, i: InstanceRecord): string =>
  i.compute?.ComputeArn ?? arnOf(ctx, "compute", i.InstanceId);

/**
 * Where a Server SDK 5 process on a compute connects (Compute.GameLiftServiceSdkEndpoint). On AWS a
 * WebSocket endpoint of the Region; the emulator serves no SDK socket yet, so this names AWS's.
 */
const serverSdkEndpoint = (ctx: EmulatorContext): string => `wss://${ctx.region}.api.amazongamelift.com`;

/** Compute of the API. */
export function computeView(ctx: EmulatorContext, fleet: FleetRecord, i: InstanceRecord): Record<string, unknown> {
  return {
    FleetId: fleet.FleetId,
    FleetArn: fleet.FleetArn,
    ComputeName: computeNameOfRecord(i),
    ComputeArn: computeArnOf(ctx, i),
    IpAddress: i.IpAddress || undefined,
    DnsName: i.DnsName || undefined,
    ComputeStatus: i.Status,
    Location: i.Location,
    CreationTime: new Date(i.CreationTime),
    OperatingSystem: i.OperatingSystem,
    Type: i.Type,
    GameLiftServiceSdkEndpoint: fleet.ComputeType === "ANYWHERE" ? serverSdkEndpoint(ctx) : undefined,
    InstanceId: fleet.ComputeType === "EC2" ? i.InstanceId : undefined,
  };
}

/** A random token (base64url), for compute auth tokens and access credentials. */
export const randomToken = (bytes = 24): string => randomBytes(bytes).toString("base64url");
