import { z } from "zod";
import { matchmakingRuleSetArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { ConfigurationRecord } from "../../engines/state/records.js";
import { defineOperation } from "../defineOperation.js";
import {
  checkConfiguration,
  configurationMembers,
  requireConfiguration,
  requireRuleSetName,
} from "./configurationInputs.js";
import { configurationNameOrArn } from "./schemas.js";
import { configurationView } from "../views/matchmaking.js";

/** UpdateMatchmakingConfiguration: changes the given members; later matches use them. */
export const UpdateMatchmakingConfiguration = defineOperation(
  z.object({
    Name: configurationNameOrArn,
    ...configurationMembers,
    RequestTimeoutSeconds: configurationMembers.RequestTimeoutSeconds.optional(),
    AcceptanceRequired: configurationMembers.AcceptanceRequired.optional(),
    RuleSetName: configurationMembers.RuleSetName.optional(),
  }),
  (input, ctx) => {
    const current = requireConfiguration(ctx, input.Name);
    const { Name: _name, RuleSetName, ...changes } = input;
    const next: ConfigurationRecord = structuredClone(current);
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(next, { [key]: value });
    }
    if (RuleSetName !== undefined) {
      next.RuleSetName = requireRuleSetName(ctx, RuleSetName);
      next.RuleSetArn = matchmakingRuleSetArn(ctx, next.RuleSetName);
    }
    checkConfiguration(next);
    collections(ctx.store).matchmakingConfigurations.put(next.Name, next);
    return { Configuration: configurationView(next) };
  },
);
