import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { paginate } from "../paginate.js";
import { computeView } from "./computes.js";

/** ListCompute: a fleet's computes (Anywhere: registered ones; EC2: its instances), by location and status, paged. */
export const ListCompute = defineOperation(
  z.object({
    FleetId: z.string(),
    Location: z.string().optional(),
    ComputeStatus: z.string().optional(),
    Limit: z.number().int().optional(),
    NextToken: z.string().optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const computes = collections(ctx.store)
      .instances.values()
      .filter(
        (i) =>
          i.FleetId === fleet.FleetId &&
          (!req.Location || i.Location === req.Location) &&
          (!req.ComputeStatus || i.Status === req.ComputeStatus),
      );
    const page = paginate(computes, req.Limit, req.NextToken);
    return { ComputeList: page.items.map((i) => computeView(ctx, fleet, i)), NextToken: page.nextToken };
  },
);
