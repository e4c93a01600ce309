import { z } from "zod";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location } from "../shapes.js";
import { fleetUtilization } from "../views/fleets.js";

/** DescribeFleetLocationUtilization: processes, sessions and players in one location. */
export const DescribeFleetLocationUtilization = defineOperation(
  z.object({ FleetId: fleetIdOrArn, Location: location }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (!fleet.locations.some((l) => l.Location === req.Location)) {
      throw new NotFoundException(`Location ${req.Location} is not part of fleet ${fleet.FleetId}.`);
    }
    return { FleetUtilization: fleetUtilization(ctx, fleet, req.Location) };
  },
);
