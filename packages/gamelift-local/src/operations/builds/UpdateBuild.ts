import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireBuild } from "../lookup.js";
import { buildIdOrArn, text } from "../shapes.js";
import { buildView } from "../views/resources.js";

/** UpdateBuild: Name and Version only. */
export const UpdateBuild = defineOperation(
  z.object({ BuildId: buildIdOrArn, Name: text(1, 1024).optional(), Version: text(1, 1024).optional() }),
  (req, ctx) => {
    const build = requireBuild(ctx, req.BuildId);
    if (req.Name !== undefined) build.Name = req.Name;
    if (req.Version !== undefined) build.Version = req.Version;
    return { Build: buildView(build) };
  },
);
