import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { computeView, requireCompute } from "./computes.js";

/** DescribeCompute: a registered Anywhere compute, or an EC2 fleet's instance by its id. */
export const DescribeCompute = defineOperation(
  z.object({ FleetId: z.string(), ComputeName: z.string() }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    return { Compute: computeView(ctx, fleet, requireCompute(ctx, fleet, req.ComputeName)) };
  },
);
