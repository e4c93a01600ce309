import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken } from "../shapes.js";
import { buildView } from "../views/resources.js";

/** ListBuilds, optionally by status, paged. */
export const ListBuilds = defineOperation(
  z.object({
    Status: z.enum(["INITIALIZED", "READY", "FAILED"]).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const builds = collections(ctx.store)
      .builds.values()
      .filter((b) => !req.Status || b.Status === req.Status);
    const page = paginate(builds, req.Limit, req.NextToken);
    return { Builds: page.items.map(buildView), NextToken: page.nextToken };
  },
);
