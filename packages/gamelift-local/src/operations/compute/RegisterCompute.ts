import { z } from "zod";
import { arnOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { InstanceRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { computeKey, computeView } from "./computes.js";

/**
 * RegisterCompute: a host of an Anywhere fleet, in one of the fleet's custom locations, reachable at
 * `IpAddress` and/or `DnsName`. It is ACTIVE at once and takes game sessions like an instance (one
 * per server process of the fleet's runtime configuration, at least one). Registering a name again
 * updates its address.
 */
export const RegisterCompute = defineOperation(
  z.object({
    FleetId: z.string(),
    ComputeName: z.string(),
    CertificatePath: z.string().optional(),
    DnsName: z.string().optional(),
    IpAddress: z.string().optional(),
    Location: z.string().optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.ComputeType !== "ANYWHERE")
      throw new InvalidRequestException(
        `Fleet ${fleet.FleetId} is not an ANYWHERE fleet; only Anywhere fleets register computes.`,
      );
    if (!req.IpAddress && !req.DnsName)
      throw new InvalidRequestException("An Anywhere compute needs an IpAddress or a DnsName.");
    const location = req.Location ?? fleet.locations[0]?.Location ?? "";
    if (!fleet.locations.some((l) => l.Location === location)) {
      throw new InvalidRequestException(`Location ${location} is not a location of fleet ${fleet.FleetId}.`);
    }
    const instances = collections(ctx.store).instances;
    const key = computeKey(fleet.FleetId, req.ComputeName);
    const earlier = instances.get(key);
    const record: InstanceRecord = {
      InstanceId: key,
      FleetId: fleet.FleetId,
      Location: location,
      Status: "ACTIVE",
      CreationTime: earlier?.CreationTime ?? ctx.clock.now(),
      IpAddress: req.IpAddress ?? "",
      DnsName: req.DnsName ?? "",
      compute: {
        ComputeName: req.ComputeName,
        ComputeArn: arnOf(ctx, "compute", req.ComputeName),
        CertificatePath: req.CertificatePath,
        authTokens: earlier?.compute?.authTokens ?? [],
      },
    };
    instances.put(key, record);
    return { Compute: computeView(ctx, fleet, record) };
  },
);
