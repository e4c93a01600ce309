import { z } from "zod";
import { idOf } from "../../arns.js";
import { stateOf } from "../../engines/matchmaking/state.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { dropTags } from "../tagging.js";
import { ruleSetNameOrArn } from "./schemas.js";

/** DeleteMatchmakingRuleSet: a rule set still used by a configuration cannot be deleted. */
export const DeleteMatchmakingRuleSet = defineOperation(z.object({ Name: ruleSetNameOrArn }), (input, ctx) => {
  const st = stateOf(ctx);
  const name = idOf(input.Name);
  if (!st.ruleSets.has(name)) throw new NotFoundException(`Matchmaking rule set ${input.Name} not found.`);
  const user = st.configurations.values().find((c) => c.RuleSetName === name);
  if (user)
    throw new InvalidRequestException(
      `Matchmaking rule set ${name} is used by matchmaking configuration ${user.Name}.`,
    );
  const arn = st.ruleSets.get(name)?.RuleSetArn;
  st.ruleSets.delete(name);
  if (arn !== undefined) dropTags(ctx, arn);
  return {};
});
