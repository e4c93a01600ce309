import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { awsLocations, locationView } from "./awsLocations.js";

/**
 * ListLocations: the AWS Regions GameLift hosts in and the account's custom locations (`Filters`
 * AWS / CUSTOM), each with its UDP ping beacon, paged.
 */
export const ListLocations = defineOperation(
  z.object({
    Filters: z.array(z.enum(["AWS", "CUSTOM"])).optional(),
    Limit: z.number().int().optional(),
    NextToken: z.string().optional(),
  }),
  async (req, ctx) => {
    const want = new Set(req.Filters?.length ? req.Filters : ["AWS", "CUSTOM"]);
    const names = want.has("AWS") ? [...new Set([...awsLocations, ctx.region])].sort() : [];
    const custom = want.has("CUSTOM")
      ? collections(ctx.store)
          .locations.values()
          .sort((a, b) => a.LocationName.localeCompare(b.LocationName))
      : [];
    const all = [
      ...names.map((name) => ({ name, custom: undefined })),
      ...custom.map((c) => ({ name: c.LocationName, custom: c })),
    ];
    const page = paginate(all, req.Limit, req.NextToken);
    return {
      Locations: await Promise.all(page.items.map((l) => locationView(ctx, l.name, l.custom))),
      NextToken: page.nextToken,
    };
  },
);
