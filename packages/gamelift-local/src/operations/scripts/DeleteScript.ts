import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { requireScript } from "../lookup.js";
import { scriptIdOrArn } from "../shapes.js";
import { dropTags } from "../tagging.js";

/** DeleteScript: fleets already made from it keep running. */
export const DeleteScript = defineOperation(z.object({ ScriptId: scriptIdOrArn }), (req, ctx) => {
  const script = requireScript(ctx, req.ScriptId);
  collections(ctx.store).scripts.delete(script.ScriptId);
  dropTags(ctx, script.ScriptArn);
  return {};
});
