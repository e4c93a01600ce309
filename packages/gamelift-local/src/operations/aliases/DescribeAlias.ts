import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireAlias } from "../lookup.js";
import { aliasIdOrArn } from "../shapes.js";
import { aliasView } from "../views/resources.js";

/** DescribeAlias. */
export const DescribeAlias = defineOperation(z.object({ AliasId: aliasIdOrArn }), (req, ctx) => ({
  Alias: aliasView(requireAlias(ctx, req.AliasId)),
}));
