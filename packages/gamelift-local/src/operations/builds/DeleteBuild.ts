import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { requireBuild } from "../lookup.js";
import { buildIdOrArn } from "../shapes.js";
import { dropTags } from "../tagging.js";

/** DeleteBuild: fleets already made from it keep running; its upload credentials stop working. */
export const DeleteBuild = defineOperation(z.object({ BuildId: buildIdOrArn }), (req, ctx) => {
  const build = requireBuild(ctx, req.BuildId);
  const cols = collections(ctx.store);
  cols.builds.delete(build.BuildId);
  for (const c of cols.uploadCredentials.values())
    if (c.BuildId === build.BuildId) cols.uploadCredentials.delete(c.AccessKeyId);
  dropTags(ctx, build.BuildArn);
  return {};
});
