import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { text } from "../shapes.js";
import { resourceExists } from "./resourceExists.js";

/** UntagResource: removes the named keys (absent keys are ignored). */
export const UntagResource = defineOperation(
  z.object({ ResourceARN: text(1, 1011), TagKeys: z.array(text(1, 128)).max(200) }),
  (req, ctx) => {
    if (!resourceExists(ctx, req.ResourceARN)) throw new NotFoundException(`Resource ${req.ResourceARN} not found.`);
    const store = collections(ctx.store).tags;
    const remaining = (store.get(req.ResourceARN) ?? []).filter((t) => !req.TagKeys.includes(t.Key));
    if (remaining.length) store.put(req.ResourceARN, remaining);
    else store.delete(req.ResourceARN);
    return {};
  },
);
