import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { requireAlias } from "../lookup.js";
import { aliasIdOrArn } from "../shapes.js";
import { dropTags } from "../tagging.js";

/** DeleteAlias. */
export const DeleteAlias = defineOperation(z.object({ AliasId: aliasIdOrArn }), (req, ctx) => {
  const alias = requireAlias(ctx, req.AliasId);
  collections(ctx.store).aliases.delete(alias.AliasId);
  dropTags(ctx, alias.AliasArn);
  return {};
});
