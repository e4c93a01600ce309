import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { idOf } from "../../arns.js";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken } from "../shapes.js";
import { ruleSetNameOrArn } from "./schemas.js";
import { ruleSetView } from "../views/matchmaking.js";

/** DescribeMatchmakingRuleSets: by Names (an unknown one is NotFoundException) or all, paged (Limit ≤ 10). */
export const DescribeMatchmakingRuleSets = defineOperation(
  z.object({
    Names: z.array(ruleSetNameOrArn).min(1).max(10).optional(),
    Limit: limit.max(10).optional(),
    NextToken: nextToken.optional(),
  }),
  (input, ctx) => {
    const cols = collections(ctx.store);
    let all = cols.matchmakingRuleSets.values();
    if (input.Names) {
      all = input.Names.map((n) => {
        const r = cols.matchmakingRuleSets.get(idOf(n));
        if (!r) throw new NotFoundException(`Matchmaking rule set ${n} not found.`);
        return r;
      });
    }
    const page = paginate(all, input.Limit, input.NextToken, 10);
    return { RuleSets: page.items.map(ruleSetView), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  },
);
