import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireAlias } from "../lookup.js";
import { aliasIdOrArn, nonBlank, text } from "../shapes.js";
import { aliasView } from "../views/resources.js";
import { routingStrategy, routingStrategyInput } from "./aliasInputs.js";

/** UpdateAlias: name, description, routing strategy. */
export const UpdateAlias = defineOperation(
  z.object({
    AliasId: aliasIdOrArn,
    Name: nonBlank(1024).optional(),
    Description: text(1, 1024).optional(),
    RoutingStrategy: routingStrategyInput.optional(),
  }),
  (req, ctx) => {
    const alias = requireAlias(ctx, req.AliasId);
    const strategy = req.RoutingStrategy ? routingStrategy(ctx, req.RoutingStrategy) : alias.RoutingStrategy;
    if (req.Name !== undefined) alias.Name = req.Name;
    if (req.Description !== undefined) alias.Description = req.Description;
    alias.RoutingStrategy = strategy;
    alias.LastUpdatedTime = ctx.clock.now();
    return { Alias: aliasView(alias) };
  },
);
