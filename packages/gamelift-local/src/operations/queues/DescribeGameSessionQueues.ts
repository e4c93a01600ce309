import { z } from "zod";
import { idOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { QueueRecord } from "../../engines/state/records.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken, queueNameOrArn } from "../shapes.js";
import { queueView } from "../views/resources.js";

/** DescribeGameSessionQueues: by Names (names or ARNs; existing ones only) or all, paged. */
export const DescribeGameSessionQueues = defineOperation(
  z.object({ Names: z.array(queueNameOrArn).optional(), Limit: limit.optional(), NextToken: nextToken.optional() }),
  (req, ctx) => {
    const all = collections(ctx.store).queues;
    if (req.Names?.length) {
      const found = req.Names.map((n) => all.get(idOf(n))).filter((q): q is QueueRecord => q !== undefined);
      return { GameSessionQueues: found.map(queueView) };
    }
    const page = paginate(all.values(), req.Limit, req.NextToken);
    return { GameSessionQueues: page.items.map(queueView), NextToken: page.nextToken };
  },
);
