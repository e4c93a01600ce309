import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { ConflictException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { locationArn, locationView } from "./awsLocations.js";

/** CreateLocation: a custom location (`custom-...`) for Anywhere fleets; names are unique. */
export const CreateLocation = defineOperation(
  z.object({ LocationName: z.string(), Tags: tags.optional() }),
  async (req, ctx) => {
    const locations = collections(ctx.store).locations;
    if (locations.get(req.LocationName)) throw new ConflictException(`Location ${req.LocationName} already exists.`);
    const record = {
      LocationName: req.LocationName,
      LocationArn: locationArn(ctx, req.LocationName),
      CreationTime: ctx.clock.now(),
    };
    locations.put(record.LocationName, record);
    applyTags(ctx, record.LocationArn, req.Tags);
    return { Location: await locationView(ctx, record.LocationName, record) };
  },
);
