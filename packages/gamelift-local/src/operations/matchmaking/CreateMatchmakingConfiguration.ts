import { z } from "zod";
import { matchmakingConfigurationArn, matchmakingRuleSetArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { ConfigurationRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { checkConfiguration, configurationMembers, requireRuleSetName } from "./configurationInputs.js";
import { matchmakingName } from "./schemas.js";
import { configurationView } from "../views/matchmaking.js";

/** CreateMatchmakingConfiguration: WITH_QUEUE (default, queues required) or STANDALONE. */
export const CreateMatchmakingConfiguration = defineOperation(
  z.object({ Name: matchmakingName, ...configurationMembers, Tags: tags.optional() }),
  (input, ctx) => {
    const cols = collections(ctx.store);
    if (cols.matchmakingConfigurations.has(input.Name)) {
      throw new InvalidRequestException(`Matchmaking configuration ${input.Name} already exists.`);
    }
    const ruleSetName = requireRuleSetName(ctx, input.RuleSetName);
    const record: ConfigurationRecord = {
      Name: input.Name,
      ConfigurationArn: matchmakingConfigurationArn(ctx, input.Name),
      GameSessionQueueArns: input.GameSessionQueueArns ?? [],
      RequestTimeoutSeconds: input.RequestTimeoutSeconds,
      AcceptanceRequired: input.AcceptanceRequired,
      RuleSetName: ruleSetName,
      RuleSetArn: matchmakingRuleSetArn(ctx, ruleSetName),
      AdditionalPlayerCount: input.AdditionalPlayerCount ?? 0,
      CreationTime: ctx.clock.now(),
      GameProperties: input.GameProperties ?? [],
      BackfillMode: input.BackfillMode ?? "MANUAL",
      FlexMatchMode: input.FlexMatchMode ?? "WITH_QUEUE",
    };
    if (input.Description !== undefined) record.Description = input.Description;
    if (input.AcceptanceTimeoutSeconds !== undefined) record.AcceptanceTimeoutSeconds = input.AcceptanceTimeoutSeconds;
    if (input.NotificationTarget !== undefined) record.NotificationTarget = input.NotificationTarget;
    if (input.CustomEventData !== undefined) record.CustomEventData = input.CustomEventData;
    if (input.GameSessionData !== undefined) record.GameSessionData = input.GameSessionData;
    checkConfiguration(record);
    cols.matchmakingConfigurations.put(record.Name, record);
    applyTags(ctx, record.ConfigurationArn, input.Tags);
    return { Configuration: configurationView(record) };
  },
);
