import { defineOperation } from "../defineOperation.js";
import { requireScript } from "../lookup.js";
import { scriptIdOrArn, text } from "../shapes.js";
import { scriptView } from "../views/resources.js";
import { applyScriptContent, scriptContentInput } from "./scriptInputs.js";

/** UpdateScript: name, version, and new content (ZipFile or StorageLocation). */
export const UpdateScript = defineOperation(
  scriptContentInput.extend({
    ScriptId: scriptIdOrArn,
    Name: text(1, 1024).optional(),
    Version: text(1, 1024).optional(),
  }),
  (req, ctx) => {
    const script = requireScript(ctx, req.ScriptId);
    if (req.Name !== undefined) script.Name = req.Name;
    if (req.Version !== undefined) script.Version = req.Version;
    applyScriptContent(ctx, script, req);
    return { Script: scriptView(script) };
  },
);
