import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { customLocation } from "./awsLocations.js";

/** DeleteLocation: removes a custom location that no fleet uses any more. */
export const DeleteLocation = defineOperation(z.object({ LocationName: z.string() }), (req, ctx) => {
  const cols = collections(ctx.store);
  const record = customLocation(ctx, req.LocationName);
  if (!record) throw new NotFoundException(`Location ${req.LocationName} not found.`);
  const user = cols.fleets.values().find((f) => f.locations.some((l) => l.Location === record.LocationName));
  if (user) throw new InvalidRequestException(`Location ${record.LocationName} is in use by fleet ${user.FleetId}.`);
  cols.locations.delete(record.LocationName);
  cols.tags.delete(record.LocationArn);
  return {};
});
