import { arnOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { LocationRecord } from "../../engines/state/records.js";
import type { EmulatorContext, UdpEndpoint } from "../../engines/context.js";

/** The AWS Regions GameLift hosts in (ListLocations' `AWS` locations; the emulator's own Region is added). */
export const awsLocations = [
  "af-south-1",
  "ap-east-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "me-south-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
] as const;

/** Whether a location name is a custom (Anywhere) one. */
export const isCustomLocation = (name: string): boolean => name.startsWith("custom-");

/** `arn:aws:gamelift:<region>:<account>:location/<name>`. */
export const locationArn = (ctx: EmulatorContext, name: string): string => arnOf(ctx, "location", name);

/** A location's ping beacon: the emulator's own when it runs them, else AWS's documented endpoint (AWS Regions only). */
async function pingBeaconOf(ctx: EmulatorContext, name: string): Promise<UdpEndpoint | undefined> {
  const local = await ctx.settings?.pingBeacons?.endpoint(name);
  if (local) return local;
  return isCustomLocation(name) ? undefined : { Domain: `gamelift-ping.${name}.api.aws`, Port: 7770 };
}

/** LocationModel of the API. */
export async function locationView(
  ctx: EmulatorContext,
  name: string,
  custom?: LocationRecord,
): Promise<Record<string, unknown>> {
  const beacon = await pingBeaconOf(ctx, name);
  return {
    LocationName: name,
    LocationArn: custom?.LocationArn,
    PingBeacon: beacon ? { UDPEndpoint: beacon } : undefined,
  };
}

/** The custom location by name or ARN, or `undefined`. */
export function customLocation(ctx: EmulatorContext, nameOrArn: string): LocationRecord | undefined {
  const name = nameOrArn.startsWith("arn:") ? nameOrArn.slice(nameOrArn.lastIndexOf("/") + 1) : nameOrArn;
  return collections(ctx.store).locations.get(name);
}
