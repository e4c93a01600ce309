import { z } from "zod";
import { buildArn, fleetArn, scriptArn } from "../../arns.js";
import { recordFleetEvent } from "../../engines/fleets/fleetEvents.js";
import { collections } from "../../engines/state/collections.js";
import type { FleetRecord } from "../../engines/state/records.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { customLocation, isCustomLocation } from "../locations/awsLocations.js";
import { requireBuild, requireScript } from "../lookup.js";
import { buildIdOrArn, location, nonBlank, scriptIdOrArn, tags, text } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { fleetAttributes, locationStates } from "../views/fleets.js";
import {
  checkIpPermissions,
  checkRuntimeConfiguration,
  ipPermissionInput,
  runtimeConfigurationInput,
} from "./fleetInputs.js";

const input = z.object({
  Name: nonBlank(1024),
  Description: text(1, 1024).optional(),
  BuildId: buildIdOrArn.optional(),
  ScriptId: scriptIdOrArn.optional(),
  ServerLaunchPath: text(1, 1024).optional(),
  ServerLaunchParameters: text(1, 1024).optional(),
  LogPaths: z.array(text(1, 1024)).optional(),
  EC2InstanceType: z
    .string()
    .regex(/^[a-z0-9]+\.[a-z0-9]+$/)
    .optional(),
  EC2InboundPermissions: z.array(ipPermissionInput).optional(),
  NewGameSessionProtectionPolicy: z.enum(["NoProtection", "FullProtection"]).optional(),
  RuntimeConfiguration: runtimeConfigurationInput.optional(),
  ResourceCreationLimitPolicy: z
    .object({
      NewGameSessionsPerCreator: z.number().int().min(0).optional(),
      PolicyPeriodInMinutes: z.number().int().min(0).optional(),
    })
    .optional(),
  MetricGroups: z.array(text(1, 255)).max(1).optional(),
  PeerVpcAwsAccountId: text(1, 1024).optional(),
  PeerVpcId: text(1, 1024).optional(),
  FleetType: z.enum(["ON_DEMAND", "SPOT"]).optional(),
  InstanceRoleArn: text(1, 256).optional(),
  CertificateConfiguration: z.object({ CertificateType: z.enum(["DISABLED", "GENERATED"]) }).optional(),
  Locations: z
    .array(z.object({ Location: location }))
    .min(1)
    .max(100)
    .optional(),
  Tags: tags.optional(),
  ComputeType: z.enum(["EC2", "ANYWHERE"]).optional(),
  AnywhereConfiguration: z.object({ Cost: z.string() }).optional(),
  InstanceRoleCredentialsProvider: z.enum(["SHARED_CREDENTIAL_FILE"]).optional(),
  PlayerGatewayMode: z.enum(["DISABLED", "ENABLED", "REQUIRED"]).optional(),
  PlayerGatewayConfiguration: z
    .object({ GameServerIpProtocolSupported: z.enum(["IPv4", "DUAL_STACK"]).optional() })
    .optional(),
});

/**
 * CreateFleet: an EC2 fleet (build, script, or neither for the local stage) that walks NEW →
 * ACTIVE on the clock, or an ANYWHERE fleet that starts ACTIVE. Desired capacity starts at 1 per location.
 */
export const CreateFleet = defineOperation(input, (req, ctx) => {
  const compute = req.ComputeType ?? "EC2";
  if (req.BuildId && req.ScriptId) throw new InvalidRequestException("Specify either BuildId or ScriptId, not both.");
  if (compute === "EC2" && !req.EC2InstanceType)
    throw new InvalidRequestException("EC2InstanceType is required for an EC2 fleet.");
  const build = req.BuildId ? requireBuild(ctx, req.BuildId) : undefined;
  if (build && build.Status !== "READY")
    throw new InvalidRequestException(`Build ${build.BuildId} is not READY (status ${build.Status}).`);
  const script = req.ScriptId ? requireScript(ctx, req.ScriptId) : undefined;
  const operatingSystem =
    compute === "ANYWHERE" ? undefined : (build?.OperatingSystem ?? (script ? "AMAZON_LINUX_2" : "AMAZON_LINUX_2023"));
  const runtime =
    req.RuntimeConfiguration ??
    (req.ServerLaunchPath
      ? {
          ServerProcesses: [
            { LaunchPath: req.ServerLaunchPath, Parameters: req.ServerLaunchParameters, ConcurrentExecutions: 1 },
          ],
        }
      : {});
  checkRuntimeConfiguration(runtime);
  const permissions = req.EC2InboundPermissions ?? [];
  checkIpPermissions(permissions, operatingSystem);
  const names = [...new Set([ctx.region, ...(req.Locations ?? []).map((l) => l.Location)])];
  if (compute === "ANYWHERE") {
    if (!names.some(isCustomLocation))
      throw new InvalidRequestException("An ANYWHERE fleet needs a custom location (custom-...).");
    const missing = names.filter(isCustomLocation).find((n) => !customLocation(ctx, n));
    if (missing) throw new NotFoundException(`Location ${missing} not found; create it with CreateLocation first.`);
  } else {
    const custom = names.find(isCustomLocation);
    if (custom) throw new InvalidRequestException(`Custom location ${custom} is only for ANYWHERE fleets.`);
    if (req.AnywhereConfiguration)
      throw new InvalidRequestException("AnywhereConfiguration is only for ANYWHERE fleets.");
  }
  if (compute === "ANYWHERE" && (req.PlayerGatewayMode ?? "DISABLED") !== "DISABLED") {
    throw new InvalidRequestException("Player gateway is not available on ANYWHERE fleets.");
  }
  if (req.PlayerGatewayConfiguration && (req.PlayerGatewayMode ?? "DISABLED") === "DISABLED") {
    throw new InvalidRequestException("PlayerGatewayConfiguration needs PlayerGatewayMode ENABLED or REQUIRED.");
  }
  if (req.InstanceRoleCredentialsProvider && !req.InstanceRoleArn) {
    throw new InvalidRequestException("InstanceRoleCredentialsProvider needs an InstanceRoleArn.");
  }
  const now = ctx.clock.now();
  const status = compute === "ANYWHERE" ? "ACTIVE" : "NEW";
  const fleetId = `fleet-${ctx.ids.uuid()}`;
  const fleet: FleetRecord = {
    FleetId: fleetId,
    FleetArn: fleetArn(ctx, fleetId),
    Name: req.Name,
    Description: req.Description,
    FleetType: req.FleetType ?? "ON_DEMAND",
    ComputeType: compute,
    InstanceType: compute === "EC2" ? req.EC2InstanceType : undefined,
    BuildId: build?.BuildId,
    BuildArn: build ? buildArn(ctx, build.BuildId) : undefined,
    ScriptId: script?.ScriptId,
    ScriptArn: script ? scriptArn(ctx, script.ScriptId) : undefined,
    OperatingSystem: operatingSystem,
    Status: status,
    statusSince: now,
    CreationTime: now,
    ServerLaunchPath: req.ServerLaunchPath,
    ServerLaunchParameters: req.ServerLaunchParameters,
    LogPaths: req.LogPaths,
    NewGameSessionProtectionPolicy: req.NewGameSessionProtectionPolicy ?? "NoProtection",
    ResourceCreationLimitPolicy: req.ResourceCreationLimitPolicy,
    MetricGroups: req.MetricGroups ?? ["default"],
    RuntimeConfiguration: runtime,
    InboundPermissions: permissions,
    locations: names
      .filter((n) => compute === "EC2" || n.startsWith("custom-"))
      .map((Location) => ({
        Location,
        Desired: compute === "EC2" ? 1 : 0,
        Minimum: 0,
        Maximum: 1,
        Status: status,
        statusSince: now,
      })),
    CertificateConfiguration: req.CertificateConfiguration,
    InstanceRoleArn: req.InstanceRoleArn,
    PeerVpcAwsAccountId: req.PeerVpcAwsAccountId,
    PeerVpcId: req.PeerVpcId,
    AnywhereConfiguration: req.AnywhereConfiguration,
    InstanceRoleCredentialsProvider: req.InstanceRoleCredentialsProvider,
    PlayerGatewayMode: compute === "EC2" ? (req.PlayerGatewayMode ?? "DISABLED") : undefined,
    PlayerGatewayConfiguration: req.PlayerGatewayConfiguration,
  };
  applyTags(ctx, fleet.FleetArn, req.Tags);
  collections(ctx.store).fleets.put(fleetId, fleet);
  recordFleetEvent(ctx, fleetId, "FLEET_CREATED", `Fleet ${fleetId} created.`);
  return { FleetAttributes: fleetAttributes(fleet), LocationStates: locationStates(fleet) };
});
