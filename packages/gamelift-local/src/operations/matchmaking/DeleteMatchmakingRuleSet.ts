import { z } from "zod";
import { idOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { dropTags } from "../tagging.js";
import { ruleSetNameOrArn } from "./schemas.js";

/** DeleteMatchmakingRuleSet: a rule set still used by a configuration cannot be deleted. */
export const DeleteMatchmakingRuleSet = defineOperation(z.object({ Name: ruleSetNameOrArn }), (input, ctx) => {
  const cols = collections(ctx.store);
  const name = idOf(input.Name);
  if (!cols.matchmakingRuleSets.has(name)) throw new NotFoundException(`Matchmaking rule set ${input.Name} not found.`);
  const user = cols.matchmakingConfigurations.values().find((c) => c.RuleSetName === name);
  if (user)
    throw new InvalidRequestException(
      `Matchmaking rule set ${name} is used by matchmaking configuration ${user.Name}.`,
    );
  const arn = cols.matchmakingRuleSets.get(name)?.RuleSetArn;
  cols.matchmakingRuleSets.delete(name);
  if (arn !== undefined) dropTags(ctx, arn);
  return {};
});
