import { z } from "zod";
import { scriptArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { ScriptRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags, text } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { scriptView } from "../views/resources.js";
import { applyScriptContent, scriptContentInput } from "./scriptInputs.js";

/** CreateScript: a Realtime script from a ZipFile or an S3 location; NodeJsVersion defaults to 10.x. */
export const CreateScript = defineOperation(
  scriptContentInput.extend({
    Name: text(1, 1024).optional(),
    Version: text(1, 1024).optional(),
    Tags: tags.optional(),
    NodeJsVersion: z
      .string()
      .min(1)
      .max(1024)
      .regex(/^\d+\.x$/)
      .optional(),
  }),
  (req, ctx) => {
    if (!req.ZipFile && !req.StorageLocation)
      throw new InvalidRequestException("Specify a ZipFile or a StorageLocation.");
    const scriptId = `script-${ctx.ids.uuid()}`;
    const script: ScriptRecord = {
      ScriptId: scriptId,
      ScriptArn: scriptArn(ctx, scriptId),
      Name: req.Name,
      Version: req.Version,
      SizeOnDisk: 0,
      CreationTime: ctx.clock.now(),
      NodeJsVersion: req.NodeJsVersion ?? "10.x",
    };
    applyScriptContent(ctx, script, req);
    applyTags(ctx, script.ScriptArn, req.Tags);
    collections(ctx.store).scripts.put(scriptId, script);
    return { Script: scriptView(script) };
  },
);
