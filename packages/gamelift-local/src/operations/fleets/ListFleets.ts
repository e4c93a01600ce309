import { z } from "zod";
import { idOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { buildIdOrArn, limit, nextToken, scriptIdOrArn } from "../shapes.js";

/** ListFleets: fleet ids, optionally of one build or script, paged. */
export const ListFleets = defineOperation(
  z.object({
    BuildId: buildIdOrArn.optional(),
    ScriptId: scriptIdOrArn.optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const buildId = req.BuildId && idOf(req.BuildId);
    const scriptId = req.ScriptId && idOf(req.ScriptId);
    const ids = collections(ctx.store)
      .fleets.values()
      .filter((f) => (!buildId || f.BuildId === buildId) && (!scriptId || f.ScriptId === scriptId))
      .map((f) => f.FleetId);
    const page = paginate(ids, req.Limit, req.NextToken);
    return { FleetIds: page.items, NextToken: page.nextToken };
  },
);
