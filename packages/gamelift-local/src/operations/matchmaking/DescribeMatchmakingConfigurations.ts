import { z } from "zod";
import { idOf } from "../../arns.js";
import { stateOf } from "../../engines/matchmaking/state.js";
import type { ConfigurationRecord } from "../../engines/matchmaking/types.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken } from "../shapes.js";
import { configurationToApi } from "./configurationShape.js";
import { configurationNameOrArn, ruleSetNameOrArn } from "./schemas.js";

/** DescribeMatchmakingConfigurations: by Names (unknown ones omitted), by RuleSetName, or all; paged. */
export const DescribeMatchmakingConfigurations = defineOperation(
  z.object({
    Names: z.array(configurationNameOrArn).optional(),
    RuleSetName: ruleSetNameOrArn.optional(),
    Limit: limit.max(10).optional(),
    NextToken: nextToken.optional(),
  }),
  (input, ctx) => {
    const st = stateOf(ctx);
    let all: ConfigurationRecord[] = st.configurations.values();
    if (input.Names) {
      all = input.Names.map((n) => st.configurations.get(idOf(n))).filter(
        (c): c is ConfigurationRecord => c !== undefined,
      );
    } else if (input.RuleSetName !== undefined) {
      const ruleSet = idOf(input.RuleSetName);
      all = all.filter((c) => c.RuleSetName === ruleSet);
    }
    const page = paginate(all, input.Limit, input.NextToken, 10);
    return {
      Configurations: page.items.map(configurationToApi),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  },
);
