import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { scalingMetrics, type ScalingPolicyRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, text } from "../shapes.js";

/** `<FleetId>/<Name>`: a policy is unique by fleet and name. */
export const policyKey = (fleetId: string, name: string): string => `${fleetId}/${name}`;

/**
 * PutScalingPolicy: creates or replaces (same name) a fleet's scaling policy. TargetBased tracks
 * PercentAvailableGameSessions at `TargetConfiguration.TargetValue`; RuleBased (the default) needs
 * ComparisonOperator, Threshold, EvaluationPeriods, ScalingAdjustmentType and ScalingAdjustment.
 * The scaling engine applies it while the fleet's AUTO_SCALING action runs.
 */
export const PutScalingPolicy = defineOperation(
  z.object({
    Name: text(1, 1024),
    FleetId: fleetIdOrArn,
    ScalingAdjustment: z.number().int().optional(),
    ScalingAdjustmentType: z.enum(["ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"]).optional(),
    Threshold: z.number().optional(),
    ComparisonOperator: z
      .enum([
        "GreaterThanOrEqualToThreshold",
        "GreaterThanThreshold",
        "LessThanThreshold",
        "LessThanOrEqualToThreshold",
      ])
      .optional(),
    EvaluationPeriods: z.number().int().min(1).optional(),
    MetricName: z.enum(scalingMetrics),
    PolicyType: z.enum(["RuleBased", "TargetBased"]).optional(),
    TargetConfiguration: z.object({ TargetValue: z.number() }).optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status === "DELETING" || fleet.Status === "TERMINATED" || fleet.Status === "ERROR") {
      throw new InvalidRequestException(`Fleet ${fleet.FleetId} is ${fleet.Status}; it cannot take a scaling policy.`);
    }
    if (fleet.ComputeType === "ANYWHERE")
      throw new InvalidRequestException("An ANYWHERE fleet has no managed capacity to scale.");
    const type = req.PolicyType ?? "RuleBased";
    const policy: ScalingPolicyRecord = {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      Name: req.Name,
      Status: "ACTIVE",
      PolicyType: type,
      MetricName: req.MetricName,
      breaches: {},
    };
    if (type === "TargetBased") {
      if (req.MetricName !== "PercentAvailableGameSessions") {
        throw new InvalidRequestException(
          "A TargetBased scaling policy tracks MetricName PercentAvailableGameSessions.",
        );
      }
      if (!req.TargetConfiguration)
        throw new InvalidRequestException("A TargetBased scaling policy needs a TargetConfiguration.");
      if (req.TargetConfiguration.TargetValue < 0 || req.TargetConfiguration.TargetValue >= 100) {
        throw new InvalidRequestException(
          "TargetConfiguration.TargetValue must be at least 0 and below 100 (percent of available game sessions).",
        );
      }
      policy.TargetConfiguration = { TargetValue: req.TargetConfiguration.TargetValue };
    } else {
      const missing = (
        ["ScalingAdjustment", "ScalingAdjustmentType", "Threshold", "ComparisonOperator", "EvaluationPeriods"] as const
      ).filter((k) => req[k] === undefined);
      if (missing.length > 0)
        throw new InvalidRequestException(`A RuleBased scaling policy needs ${missing.join(", ")}.`);
      if (req.ScalingAdjustmentType === "ExactCapacity" && (req.ScalingAdjustment ?? 0) < 0) {
        throw new InvalidRequestException("ScalingAdjustment must not be negative with ExactCapacity.");
      }
      Object.assign(policy, {
        ScalingAdjustment: req.ScalingAdjustment,
        ScalingAdjustmentType: req.ScalingAdjustmentType,
        Threshold: req.Threshold,
        ComparisonOperator: req.ComparisonOperator,
        EvaluationPeriods: req.EvaluationPeriods,
      });
    }
    collections(ctx.store).scalingPolicies.put(policyKey(fleet.FleetId, req.Name), policy);
    return { Name: req.Name };
  },
);
