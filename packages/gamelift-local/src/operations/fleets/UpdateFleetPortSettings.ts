import { z } from "zod";
import { InvalidFleetStatusException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn } from "../shapes.js";
import { checkIpPermissions, ipPermissionInput } from "./fleetInputs.js";

const same = (a: z.infer<typeof ipPermissionInput>, b: z.infer<typeof ipPermissionInput>): boolean =>
  a.FromPort === b.FromPort && a.ToPort === b.ToPort && a.IpRange === b.IpRange && a.Protocol === b.Protocol;

/** UpdateFleetPortSettings: adds then revokes inbound permissions. */
export const UpdateFleetPortSettings = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    InboundPermissionAuthorizations: z.array(ipPermissionInput).max(50).optional(),
    InboundPermissionRevocations: z.array(ipPermissionInput).max(50).optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status === "DELETING" || fleet.Status === "TERMINATED") {
      throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is ${fleet.Status}.`);
    }
    const added = (req.InboundPermissionAuthorizations ?? []).filter(
      (p) => !fleet.InboundPermissions.some((q) => same(p, q)),
    );
    const next = [...fleet.InboundPermissions, ...added].filter(
      (p) => !(req.InboundPermissionRevocations ?? []).some((r) => same(p, r)),
    );
    checkIpPermissions(next, fleet.OperatingSystem);
    fleet.InboundPermissions = next;
    return { FleetId: fleet.FleetId, FleetArn: fleet.FleetArn };
  },
);
