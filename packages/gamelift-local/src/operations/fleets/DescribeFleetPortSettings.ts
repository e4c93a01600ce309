import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location } from "../shapes.js";

/** DescribeFleetPortSettings: the fleet's inbound permissions. */
export const DescribeFleetPortSettings = defineOperation(
  z.object({ FleetId: fleetIdOrArn, Location: location.optional() }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    return {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      InboundPermissions: fleet.InboundPermissions,
      Location: req.Location ?? ctx.region,
    };
  },
);
