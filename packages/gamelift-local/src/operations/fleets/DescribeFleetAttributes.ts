import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { fleetIdOrArn, limit, nextToken } from "../shapes.js";
import { fleetAttributes } from "../views/fleets.js";
import { selectFleets } from "./selectFleets.js";

/** DescribeFleetAttributes: by FleetIds (existing ones only) or all, paged. */
export const DescribeFleetAttributes = defineOperation(
  z.object({
    FleetIds: z.array(fleetIdOrArn).min(1).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const { fleets, NextToken } = selectFleets(ctx, req);
    return { FleetAttributes: fleets.map(fleetAttributes), NextToken };
  },
);
