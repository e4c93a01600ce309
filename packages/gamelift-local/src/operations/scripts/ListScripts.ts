import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken } from "../shapes.js";
import { scriptView } from "../views/resources.js";

/** ListScripts, paged. */
export const ListScripts = defineOperation(
  z.object({ Limit: limit.optional(), NextToken: nextToken.optional() }),
  (req, ctx) => {
    const page = paginate(collections(ctx.store).scripts.values(), req.Limit, req.NextToken);
    return { Scripts: page.items.map(scriptView), NextToken: page.nextToken };
  },
);
