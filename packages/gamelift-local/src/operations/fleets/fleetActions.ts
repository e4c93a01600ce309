import { z } from "zod";
import { recordFleetEvent } from "../../engines/fleets/fleetEvents.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location } from "../shapes.js";
import type { Operation } from "../types.js";

const input = z.object({
  FleetId: fleetIdOrArn,
  Actions: z
    .array(z.enum(["AUTO_SCALING"]))
    .min(1)
    .max(1),
  Location: location.optional(),
});

/** StartFleetActions (`stop` false) or StopFleetActions (`stop` true) on the home location or `Location`. */
function fleetActions(stop: boolean): Operation {
  return defineOperation(input, (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.ComputeType === "ANYWHERE")
      throw new InvalidRequestException("An ANYWHERE fleet has no auto-scaling to start or stop.");
    const name = req.Location ?? fleet.locations[0]?.Location ?? ctx.region;
    const loc = fleet.locations.find((l) => l.Location === name);
    if (!loc) throw new NotFoundException(`Location ${name} is not part of fleet ${fleet.FleetId}.`);
    if (stop) loc.StoppedActions = ["AUTO_SCALING"];
    else delete loc.StoppedActions;
    recordFleetEvent(
      ctx,
      fleet.FleetId,
      "FLEET_SCALING_EVENT",
      `Auto-scaling ${stop ? "stopped" : "started"} in ${loc.Location}.`,
    );
    return { FleetId: fleet.FleetId, FleetArn: fleet.FleetArn };
  });
}

/** StartFleetActions: resumes AUTO_SCALING (scaling policies are applied again). */
export const StartFleetActions = fleetActions(false);
/** StopFleetActions: suspends AUTO_SCALING; policies stay, capacity stays where it is. */
export const StopFleetActions = fleetActions(true);
