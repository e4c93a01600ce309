import { z } from "zod";
import { recordFleetEvent } from "../../engines/fleets/fleetEvents.js";
import { InvalidFleetStatusException, InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location, wholeNumber } from "../shapes.js";

/**
 * UpdateFleetCapacity: sets desired/min/max instances of the home location or `Location`; the
 * fleet engine adds or removes instances on its next tick. Omitted bounds keep their values.
 * ManagedCapacityConfiguration SCALE_TO_AND_FROM_ZERO hands MinSize (0 or 1) to the scaling engine.
 */
export const UpdateFleetCapacity = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    DesiredInstances: wholeNumber.optional(),
    MinSize: wholeNumber.optional(),
    MaxSize: wholeNumber.optional(),
    Location: location.optional(),
    ManagedCapacityConfiguration: z
      .object({
        ZeroCapacityStrategy: z.enum(["MANUAL", "SCALE_TO_AND_FROM_ZERO"]),
        ScaleInAfterInactivityMinutes: z.number().int().min(5).max(1440).optional(),
      })
      .optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status === "DELETING" || fleet.Status === "TERMINATED" || fleet.Status === "ERROR") {
      throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is ${fleet.Status}; its capacity cannot change.`);
    }
    if (fleet.ComputeType === "ANYWHERE")
      throw new InvalidRequestException("An ANYWHERE fleet has no managed capacity.");
    const loc = fleet.locations.find((l) => l.Location === (req.Location ?? ctx.region));
    if (!loc)
      throw new NotFoundException(`Location ${req.Location ?? ctx.region} is not part of fleet ${fleet.FleetId}.`);
    const managed = req.ManagedCapacityConfiguration;
    if (managed?.ZeroCapacityStrategy === "SCALE_TO_AND_FROM_ZERO" && req.MinSize !== undefined) {
      throw new InvalidRequestException(
        "MinSize must not be specified with ZeroCapacityStrategy SCALE_TO_AND_FROM_ZERO: GameLift manages it.",
      );
    }
    if (managed?.ZeroCapacityStrategy === "MANUAL" && managed.ScaleInAfterInactivityMinutes !== undefined) {
      throw new InvalidRequestException(
        "ScaleInAfterInactivityMinutes applies only with ZeroCapacityStrategy SCALE_TO_AND_FROM_ZERO.",
      );
    }
    const min = req.MinSize ?? loc.Minimum;
    const max = req.MaxSize ?? loc.Maximum;
    const desired = req.DesiredInstances ?? loc.Desired;
    if (min > max) throw new InvalidRequestException("MinSize must be less than or equal to MaxSize.");
    if (desired < min || desired > max) {
      throw new InvalidRequestException(
        `DesiredInstances (${desired}) must be between MinSize (${min}) and MaxSize (${max}).`,
      );
    }
    Object.assign(loc, { Minimum: min, Maximum: max, Desired: desired });
    if (managed) {
      loc.ManagedCapacityConfiguration = { ...managed };
      loc.lastActivity = ctx.clock.now();
    }
    recordFleetEvent(
      ctx,
      fleet.FleetId,
      "FLEET_SCALING_EVENT",
      `Desired instances in ${loc.Location} set to ${desired} (min ${min}, max ${max}).`,
    );
    return {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      Location: loc.Location,
      ManagedCapacityConfiguration: loc.ManagedCapacityConfiguration,
    };
  },
);
