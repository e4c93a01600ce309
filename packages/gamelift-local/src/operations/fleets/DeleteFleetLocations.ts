import { z } from "zod";
import { recordFleetEvent } from "../../engines/fleets/fleetEvents.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, location } from "../shapes.js";

/** DeleteFleetLocations: remote locations turn DELETING and are removed on the next tick. */
export const DeleteFleetLocations = defineOperation(
  z.object({ FleetId: fleetIdOrArn, Locations: z.array(location).min(1).max(100) }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (req.Locations.includes(fleet.locations[0]?.Location ?? ctx.region)) {
      throw new InvalidRequestException("The fleet's home location cannot be deleted.");
    }
    const doomed = fleet.locations.filter((l) => req.Locations.includes(l.Location));
    for (const loc of doomed) {
      Object.assign(loc, { Status: "DELETING", Desired: 0, statusSince: ctx.clock.now() });
      recordFleetEvent(ctx, fleet.FleetId, "LOCATION_STATE_DELETING", `Location ${loc.Location} is being deleted.`);
    }
    return {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      LocationStates: doomed.map((l) => ({ Location: l.Location, Status: l.Status })),
    };
  },
);
