import { z } from "zod";
import { idOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { ConfigurationRecord } from "../../engines/state/records.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import type { EmulatorContext } from "../../engines/context.js";
import { gameProperties, text } from "../shapes.js";
import { queueArn, ruleSetNameOrArn } from "./schemas.js";

/** The settable members of a configuration (Create requires some; Update takes any). */
export const configurationMembers = {
  Description: text(1, 1024).optional(),
  GameSessionQueueArns: z.array(queueArn).optional(),
  RequestTimeoutSeconds: z.number().int().min(1).max(43200),
  AcceptanceTimeoutSeconds: z.number().int().min(1).max(600).optional(),
  AcceptanceRequired: z.boolean(),
  RuleSetName: ruleSetNameOrArn,
  NotificationTarget: z
    .string()
    .max(300)
    .regex(/^[a-zA-Z0-9:_/-]*(\.fifo)?$/)
    .optional(),
  AdditionalPlayerCount: z.number().int().min(0).optional(),
  CustomEventData: text(0, 256).optional(),
  GameProperties: gameProperties.optional(),
  GameSessionData: text(1, 4096).optional(),
  BackfillMode: z.enum(["AUTOMATIC", "MANUAL"]).optional(),
  FlexMatchMode: z.enum(["STANDALONE", "WITH_QUEUE"]).optional(),
};

/** The stored configuration of a name or ARN, or NotFoundException. */
export function requireConfiguration(ctx: EmulatorContext, nameOrArn: string): ConfigurationRecord {
  const config = collections(ctx.store).matchmakingConfigurations.get(idOf(nameOrArn));
  if (!config) throw new NotFoundException(`Matchmaking configuration ${nameOrArn} not found.`);
  return config;
}

/** The stored rule set name of a name or ARN, or NotFoundException. */
export function requireRuleSetName(ctx: EmulatorContext, nameOrArn: string): string {
  const name = idOf(nameOrArn);
  if (!collections(ctx.store).matchmakingRuleSets.has(name))
    throw new NotFoundException(`Matchmaking rule set ${nameOrArn} not found.`);
  return name;
}

/** Cross-member rules: WITH_QUEUE needs queues; STANDALONE takes none and no automatic backfill. */
export function checkConfiguration(c: ConfigurationRecord): void {
  if (c.FlexMatchMode === "WITH_QUEUE" && c.GameSessionQueueArns.length === 0) {
    throw new InvalidRequestException("GameSessionQueueArns is required when FlexMatchMode is WITH_QUEUE.");
  }
  if (c.FlexMatchMode === "STANDALONE" && c.GameSessionQueueArns.length > 0) {
    throw new InvalidRequestException("GameSessionQueueArns cannot be set when FlexMatchMode is STANDALONE.");
  }
  if (c.FlexMatchMode === "STANDALONE" && c.BackfillMode === "AUTOMATIC") {
    throw new InvalidRequestException("BackfillMode AUTOMATIC is not available when FlexMatchMode is STANDALONE.");
  }
}
