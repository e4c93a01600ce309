import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireValidRuleSet } from "./ruleSetInputs.js";

/**
 * ValidateMatchmakingRuleSet: `{Valid: true}` for a valid body; an invalid one is an
 * InvalidRequestException whose message names each offending field.
 */
export const ValidateMatchmakingRuleSet = defineOperation(
  z.object({ RuleSetBody: z.string().min(1).max(65535) }),
  (input) => {
    requireValidRuleSet(input.RuleSetBody);
    return { Valid: true };
  },
);
