import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { fleetIdOrArn, limit, nextToken } from "../shapes.js";
import { fleetCapacity } from "../views/fleets.js";
import { selectFleets } from "./selectFleets.js";

/** DescribeFleetCapacity: home-location instance counts per fleet. */
export const DescribeFleetCapacity = defineOperation(
  z.object({
    FleetIds: z.array(fleetIdOrArn).min(1).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const { fleets, NextToken } = selectFleets(ctx, req);
    const FleetCapacity = fleets.flatMap((f) => (f.locations[0] ? [fleetCapacity(ctx, f, f.locations[0])] : []));
    return { FleetCapacity, NextToken };
  },
);
