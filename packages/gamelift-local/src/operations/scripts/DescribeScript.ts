import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireScript } from "../lookup.js";
import { scriptIdOrArn } from "../shapes.js";
import { scriptView } from "../views/resources.js";

/** DescribeScript. */
export const DescribeScript = defineOperation(z.object({ ScriptId: scriptIdOrArn }), (req, ctx) => ({
  Script: scriptView(requireScript(ctx, req.ScriptId)),
}));
