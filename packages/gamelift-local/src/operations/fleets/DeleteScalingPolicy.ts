import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, text } from "../shapes.js";
import { policyKey } from "./PutScalingPolicy.js";

/** DeleteScalingPolicy: removes a fleet's policy by name (its desired count stays where it is). */
export const DeleteScalingPolicy = defineOperation(
  z.object({ Name: text(1, 1024), FleetId: fleetIdOrArn }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (!collections(ctx.store).scalingPolicies.delete(policyKey(fleet.FleetId, req.Name))) {
      throw new NotFoundException(`Scaling policy ${req.Name} not found for fleet ${fleet.FleetId}.`);
    }
    return {};
  },
);
