import { z } from "zod";
import { matchmakingRuleSetArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { requireValidRuleSet } from "./ruleSetInputs.js";
import { matchmakingName } from "./schemas.js";
import { ruleSetView } from "../views/matchmaking.js";

/** CreateMatchmakingRuleSet: stores a validated, immutable rule set. */
export const CreateMatchmakingRuleSet = defineOperation(
  z.object({ Name: matchmakingName, RuleSetBody: z.string().min(1).max(65535), Tags: tags.optional() }),
  (input, ctx) => {
    const cols = collections(ctx.store);
    if (cols.matchmakingRuleSets.has(input.Name))
      throw new InvalidRequestException(`Matchmaking rule set ${input.Name} already exists.`);
    requireValidRuleSet(input.RuleSetBody);
    const record = cols.matchmakingRuleSets.put(input.Name, {
      RuleSetName: input.Name,
      RuleSetArn: matchmakingRuleSetArn(ctx, input.Name),
      RuleSetBody: input.RuleSetBody,
      CreationTime: ctx.clock.now(),
    });
    applyTags(ctx, record.RuleSetArn, input.Tags);
    return { RuleSet: ruleSetView(record) };
  },
);
