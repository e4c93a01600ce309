import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { fleetIdOrArn, limit, nextToken } from "../shapes.js";
import { fleetUtilization } from "../views/fleets.js";
import { selectFleets } from "./selectFleets.js";

/** DescribeFleetUtilization: processes, game sessions and player sessions in use, all locations. */
export const DescribeFleetUtilization = defineOperation(
  z.object({
    FleetIds: z.array(fleetIdOrArn).min(1).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const { fleets, NextToken } = selectFleets(ctx, req);
    return { FleetUtilization: fleets.map((f) => fleetUtilization(ctx, f)), NextToken };
  },
);
