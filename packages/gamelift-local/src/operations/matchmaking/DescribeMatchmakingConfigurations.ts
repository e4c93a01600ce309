import { z } from "zod";
import { idOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { ConfigurationRecord } from "../../engines/state/records.js";
import { defineOperation } from "../defineOperation.js";
import { paginate } from "../paginate.js";
import { limit, nextToken } from "../shapes.js";
import { configurationNameOrArn, ruleSetNameOrArn } from "./schemas.js";
import { configurationView } from "../views/matchmaking.js";

/** DescribeMatchmakingConfigurations: by Names (unknown ones omitted), by RuleSetName, or all; paged. */
export const DescribeMatchmakingConfigurations = defineOperation(
  z.object({
    Names: z.array(configurationNameOrArn).optional(),
    RuleSetName: ruleSetNameOrArn.optional(),
    Limit: limit.max(10).optional(),
    NextToken: nextToken.optional(),
  }),
  (input, ctx) => {
    const cols = collections(ctx.store);
    let all: ConfigurationRecord[] = cols.matchmakingConfigurations.values();
    if (input.Names) {
      all = input.Names.map((n) => cols.matchmakingConfigurations.get(idOf(n))).filter(
        (c): c is ConfigurationRecord => c !== undefined,
      );
    } else if (input.RuleSetName !== undefined) {
      const ruleSet = idOf(input.RuleSetName);
      all = all.filter((c) => c.RuleSetName === ruleSet);
    }
    const page = paginate(all, input.Limit, input.NextToken, 10);
    return {
      Configurations: page.items.map(configurationView),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  },
);
