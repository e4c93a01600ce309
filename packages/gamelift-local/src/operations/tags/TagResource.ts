import { z } from "zod";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags, text } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { resourceExists } from "./resourceExists.js";

/** TagResource: adds or overwrites tags (idempotent); at most 200 per resource. */
export const TagResource = defineOperation(z.object({ ResourceARN: text(1, 1011), Tags: tags }), (req, ctx) => {
  if (!resourceExists(ctx, req.ResourceARN)) throw new NotFoundException(`Resource ${req.ResourceARN} not found.`);
  applyTags(ctx, req.ResourceARN, req.Tags);
  return {};
});
