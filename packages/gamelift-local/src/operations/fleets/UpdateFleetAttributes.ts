import { z } from "zod";
import { InvalidFleetStatusException, InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, nonBlank, text } from "../shapes.js";

/** UpdateFleetAttributes: name, description, protection policy, creation limit, metric groups. */
export const UpdateFleetAttributes = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    Name: nonBlank(1024).optional(),
    Description: text(1, 1024).optional(),
    NewGameSessionProtectionPolicy: z.enum(["NoProtection", "FullProtection"]).optional(),
    ResourceCreationLimitPolicy: z
      .object({
        NewGameSessionsPerCreator: z.number().int().min(0).optional(),
        PolicyPeriodInMinutes: z.number().int().min(0).optional(),
      })
      .optional(),
    MetricGroups: z.array(text(1, 255)).max(1).optional(),
    AnywhereConfiguration: z.object({ Cost: z.string() }).optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status === "DELETING" || fleet.Status === "TERMINATED") {
      throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is ${fleet.Status}.`);
    }
    if (req.Name !== undefined) fleet.Name = req.Name;
    if (req.Description !== undefined) fleet.Description = req.Description;
    if (req.NewGameSessionProtectionPolicy) fleet.NewGameSessionProtectionPolicy = req.NewGameSessionProtectionPolicy;
    if (req.ResourceCreationLimitPolicy) fleet.ResourceCreationLimitPolicy = req.ResourceCreationLimitPolicy;
    if (req.MetricGroups) fleet.MetricGroups = req.MetricGroups;
    if (req.AnywhereConfiguration) {
      if (fleet.ComputeType !== "ANYWHERE")
        throw new InvalidRequestException("AnywhereConfiguration is only for ANYWHERE fleets.");
      fleet.AnywhereConfiguration = req.AnywhereConfiguration;
    }
    return { FleetId: fleet.FleetId, FleetArn: fleet.FleetArn };
  },
);
