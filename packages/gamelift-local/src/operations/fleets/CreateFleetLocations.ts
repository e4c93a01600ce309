import { z } from "zod";
import { recordFleetEvent } from "../../engines/fleets/fleetEvents.js";
import { InvalidFleetStatusException, InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { isCustomLocation } from "../locations/awsLocations.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location } from "../shapes.js";
import { locationStates } from "../views/fleets.js";

/** CreateFleetLocations: remote locations that go NEW → ACTIVE on the clock, 1 desired instance each. */
export const CreateFleetLocations = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    Locations: z
      .array(z.object({ Location: location }))
      .min(1)
      .max(100),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status !== "ACTIVE")
      throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is ${fleet.Status}, not ACTIVE.`);
    if (fleet.ComputeType !== "EC2") throw new InvalidRequestException("Only EC2 fleets have managed locations.");
    const custom = req.Locations.find((l) => isCustomLocation(l.Location));
    if (custom) throw new InvalidRequestException(`Custom location ${custom.Location} is only for ANYWHERE fleets.`);
    const now = ctx.clock.now();
    const added = req.Locations.map((l) => l.Location).filter(
      (name) => !fleet.locations.some((l) => l.Location === name),
    );
    for (const Location of new Set(added)) {
      fleet.locations.push({ Location, Desired: 1, Minimum: 0, Maximum: 1, Status: "NEW", statusSince: now });
      recordFleetEvent(ctx, fleet.FleetId, "LOCATION_STATE_CREATED", `Location ${Location} added.`);
    }
    const states = locationStates(fleet).filter((s) => added.includes(String(s.Location)));
    return { FleetId: fleet.FleetId, FleetArn: fleet.FleetArn, LocationStates: states };
  },
);
