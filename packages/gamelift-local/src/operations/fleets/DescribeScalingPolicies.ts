import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import type { ScalingPolicyRecord } from "../../engines/state/records.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { paginate } from "../paginate.js";
import { fleetIdOrArn, limit, location, nextToken } from "../shapes.js";
import type { EmulatorContext } from "../../engines/context.js";

/** ScalingPolicy of the API, for one location of the fleet. */
function scalingPolicyView(p: ScalingPolicyRecord, location: string): Record<string, unknown> {
  return {
    FleetId: p.FleetId,
    FleetArn: p.FleetArn,
    Name: p.Name,
    Status: p.Status,
    ScalingAdjustment: p.ScalingAdjustment,
    ScalingAdjustmentType: p.ScalingAdjustmentType,
    ComparisonOperator: p.ComparisonOperator,
    Threshold: p.Threshold,
    EvaluationPeriods: p.EvaluationPeriods,
    MetricName: p.MetricName,
    PolicyType: p.PolicyType,
    TargetConfiguration: p.TargetConfiguration,
    Location: location,
  };
}

/** The policies of a fleet, in creation order. */
function policiesOf(ctx: EmulatorContext, fleetId: string): ScalingPolicyRecord[] {
  return collections(ctx.store)
    .scalingPolicies.values()
    .filter((p) => p.FleetId === fleetId);
}

/**
 * DescribeScalingPolicies: a fleet's scaling policies (each applies to every location of the
 * fleet; `Location` picks one, default the home Region), optionally by status, paged.
 */
export const DescribeScalingPolicies = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    StatusFilter: z
      .enum(["ACTIVE", "UPDATE_REQUESTED", "UPDATING", "DELETE_REQUESTED", "DELETING", "DELETED", "ERROR"])
      .optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
    Location: location.optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const where = req.Location ?? fleet.locations[0]?.Location ?? ctx.region;
    const all = policiesOf(ctx, fleet.FleetId).filter(
      (p) => req.StatusFilter === undefined || p.Status === req.StatusFilter,
    );
    const page = paginate(all, req.Limit, req.NextToken);
    return { ScalingPolicies: page.items.map((p) => scalingPolicyView(p, where)), NextToken: page.nextToken };
  },
);
