import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { paginate } from "../paginate.js";
import { fleetIdOrArn, limit, location, nextToken } from "../shapes.js";
import { instanceView } from "../views/fleets.js";

/** DescribeInstances: a fleet's instances (one per desired instance, all at 127.0.0.1), paged. */
export const DescribeInstances = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    InstanceId: z
      .string()
      .regex(/^[a-zA-Z0-9.-]+$/)
      .min(1)
      .max(256)
      .optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
    Location: location.optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.ComputeType === "ANYWHERE")
      throw new InvalidRequestException("DescribeInstances is not supported on ANYWHERE fleets; use ListCompute.");
    const instances = collections(ctx.store)
      .instances.values()
      .filter((i) => i.FleetId === fleet.FleetId && (!req.Location || i.Location === req.Location));
    if (req.InstanceId) {
      const one = instances.find((i) => i.InstanceId === req.InstanceId);
      if (!one) throw new NotFoundException(`Instance ${req.InstanceId} not found in fleet ${fleet.FleetId}.`);
      return { Instances: [instanceView(fleet, one)] };
    }
    const page = paginate(instances, req.Limit, req.NextToken);
    return { Instances: page.items.map((i) => instanceView(fleet, i)), NextToken: page.nextToken };
  },
);
