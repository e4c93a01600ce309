import { z } from "zod";
import { stateOf } from "../../engines/matchmaking/state.js";
import { idOf } from "../../arns.js";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken } from "../shapes.js";
import { ruleSetToApi } from "./ruleSetShape.js";
import { ruleSetNameOrArn } from "./schemas.js";

/** DescribeMatchmakingRuleSets: by Names (an unknown one is NotFoundException) or all, paged (Limit ≤ 10). */
export const DescribeMatchmakingRuleSets = defineOperation(
  z.object({
    Names: z.array(ruleSetNameOrArn).min(1).max(10).optional(),
    Limit: limit.max(10).optional(),
    NextToken: nextToken.optional(),
  }),
  (input, ctx) => {
    const st = stateOf(ctx);
    let all = st.ruleSets.values();
    if (input.Names) {
      all = input.Names.map((n) => {
        const r = st.ruleSets.get(idOf(n));
        if (!r) throw new NotFoundException(`Matchmaking rule set ${n} not found.`);
        return r;
      });
    }
    const page = paginate(all, input.Limit, input.NextToken, 10);
    return { RuleSets: page.items.map(ruleSetToApi), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  },
);
