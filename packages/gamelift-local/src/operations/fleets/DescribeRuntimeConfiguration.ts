import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn } from "../shapes.js";

/** DescribeRuntimeConfiguration: the fleet's server process configuration. */
export const DescribeRuntimeConfiguration = defineOperation(z.object({ FleetId: fleetIdOrArn }), (req, ctx) => ({
  RuntimeConfiguration: requireFleet(ctx, req.FleetId).RuntimeConfiguration,
}));
