import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireBuild } from "../lookup.js";
import { buildIdOrArn } from "../shapes.js";
import { buildView } from "../views/resources.js";

/** DescribeBuild. */
export const DescribeBuild = defineOperation(z.object({ BuildId: buildIdOrArn }), (req, ctx) => ({
  Build: buildView(requireBuild(ctx, req.BuildId)),
}));
