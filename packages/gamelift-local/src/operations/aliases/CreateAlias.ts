import { z } from "zod";
import { aliasArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { AliasRecord } from "../../engines/state/records.js";
import { defineOperation } from "../defineOperation.js";
import { nonBlank, tags, text } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { aliasView } from "../views/resources.js";
import { routingStrategy, routingStrategyInput } from "./aliasInputs.js";

/** CreateAlias: SIMPLE (to a fleet) or TERMINAL (with a message). Several aliases may share a name. */
export const CreateAlias = defineOperation(
  z.object({
    Name: nonBlank(1024),
    Description: text(1, 1024).optional(),
    RoutingStrategy: routingStrategyInput,
    Tags: tags.optional(),
  }),
  (req, ctx) => {
    // Alias names need not be unique (GameLift's reference: "Alias names do not need to be unique").
    const aliases = collections(ctx.store).aliases;
    const now = ctx.clock.now();
    const aliasId = `alias-${ctx.ids.uuid()}`;
    const alias: AliasRecord = {
      AliasId: aliasId,
      AliasArn: aliasArn(ctx, aliasId),
      Name: req.Name,
      Description: req.Description,
      RoutingStrategy: routingStrategy(ctx, req.RoutingStrategy),
      CreationTime: now,
      LastUpdatedTime: now,
    };
    applyTags(ctx, alias.AliasArn, req.Tags);
    aliases.put(aliasId, alias);
    return { Alias: aliasView(alias) };
  },
);
