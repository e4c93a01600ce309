import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { text } from "../shapes.js";
import { resourceExists } from "./resourceExists.js";

/** ListTagsForResource. */
export const ListTagsForResource = defineOperation(z.object({ ResourceARN: text(1, 1011) }), (req, ctx) => {
  if (!resourceExists(ctx, req.ResourceARN)) throw new NotFoundException(`Resource ${req.ResourceARN} not found.`);
  return { Tags: collections(ctx.store).tags.get(req.ResourceARN) ?? [] };
});
