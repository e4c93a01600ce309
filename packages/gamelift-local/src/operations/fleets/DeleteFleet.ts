import { z } from "zod";
import { recordFleetEvent } from "../../engines/fleets/fleetEvents.js";
import { collections } from "../../engines/state/collections.js";
import { InvalidFleetStatusException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn } from "../shapes.js";

/**
 * DeleteFleet: the fleet turns DELETING and is removed on the next tick, its game sessions
 * force-terminated (GameLift scales the fleet down itself). Deleting a DELETING fleet is
 * InvalidFleetStatusException.
 */
export const DeleteFleet = defineOperation(z.object({ FleetId: fleetIdOrArn }), (req, ctx) => {
  const fleet = requireFleet(ctx, req.FleetId);
  if (fleet.Status === "DELETING" || fleet.Status === "TERMINATED") {
    throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is already ${fleet.Status}.`);
  }
  fleet.Status = "DELETING";
  fleet.statusSince = ctx.clock.now();
  for (const loc of fleet.locations) Object.assign(loc, { Status: "DELETING", Desired: 0 });
  collections(ctx.store).fleets.put(fleet.FleetId, fleet);
  recordFleetEvent(ctx, fleet.FleetId, "FLEET_DELETED", `Fleet ${fleet.FleetId} deleted.`);
  return {};
});
