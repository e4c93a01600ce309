import { z } from "zod";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location } from "../shapes.js";
import { fleetCapacity } from "../views/fleets.js";

/** DescribeFleetLocationCapacity: instance counts of one fleet location. */
export const DescribeFleetLocationCapacity = defineOperation(
  z.object({ FleetId: fleetIdOrArn, Location: location }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const loc = fleet.locations.find((l) => l.Location === req.Location);
    if (!loc) throw new NotFoundException(`Location ${req.Location} is not part of fleet ${fleet.FleetId}.`);
    return { FleetCapacity: fleetCapacity(ctx, fleet, loc) };
  },
);
