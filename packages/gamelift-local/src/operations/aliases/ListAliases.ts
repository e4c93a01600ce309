import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken, nonBlank } from "../shapes.js";
import { aliasView } from "../views/resources.js";

/** ListAliases, filtered by routing type and exact name, paged. */
export const ListAliases = defineOperation(
  z.object({
    RoutingStrategyType: z.enum(["SIMPLE", "TERMINAL"]).optional(),
    Name: nonBlank(1024).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const found = collections(ctx.store)
      .aliases.values()
      .filter(
        (a) =>
          (!req.RoutingStrategyType || a.RoutingStrategy.Type === req.RoutingStrategyType) &&
          (!req.Name || a.Name === req.Name),
      );
    const page = paginate(found, req.Limit, req.NextToken);
    return { Aliases: page.items.map(aliasView), NextToken: page.nextToken };
  },
);
