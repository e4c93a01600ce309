import { z } from "zod";
import { matchmakingRuleSetArn } from "../../arns.js";
import { stateOf } from "../../engines/matchmaking/state.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { requireValidRuleSet, ruleSetToApi } from "./ruleSetShape.js";
import { matchmakingName } from "./schemas.js";

/** CreateMatchmakingRuleSet: stores a validated, immutable rule set. */
export const CreateMatchmakingRuleSet = defineOperation(
  z.object({ Name: matchmakingName, RuleSetBody: z.string().min(1).max(65535), Tags: tags.optional() }),
  (input, ctx) => {
    const st = stateOf(ctx);
    if (st.ruleSets.has(input.Name))
      throw new InvalidRequestException(`Matchmaking rule set ${input.Name} already exists.`);
    requireValidRuleSet(input.RuleSetBody);
    const record = st.ruleSets.put(input.Name, {
      RuleSetName: input.Name,
      RuleSetArn: matchmakingRuleSetArn(ctx, input.Name),
      RuleSetBody: input.RuleSetBody,
      CreationTime: ctx.clock.now(),
    });
    applyTags(ctx, record.RuleSetArn, input.Tags);
    return { RuleSet: ruleSetToApi(record) };
  },
);
