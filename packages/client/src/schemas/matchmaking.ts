import { clientSettableAttributes, configurationProfiles, TICKET_STATUSES, type RuleSetAttribute } from "@matchplace/core";
import * as z from "zod";
import { connectionView, latencyInMs } from "./common.js";

const attributeName = /^[A-Za-z0-9_-]{1,32}$/;
const attributeString = z.string().min(1).max(100);

/** The zod schema of one client-settable attribute, from its rule-set type. */
function attributeSchema(attr: RuleSetAttribute): z.ZodType {
  switch (attr.type) {
    case "string":
      return attributeString;
    case "number":
      return z.number().finite();
    case "string_list":
      return z.array(attributeString).min(1).max(10);
    case "string_number_map":
      return z.record(z.string().regex(attributeName), z.number().finite()).refine((m) => Object.keys(m).length <= 10, "at most 10 entries");
  }
}

/**
 * Client-settable player attributes (built from the rule sets in infra/gamelift: only the names a
 * configuration declares client-settable, with the rule set's types). Anything else is refused.
 */
export const clientAttributes = z
  .strictObject(Object.fromEntries(clientSettableAttributes().map((a) => [a.name, attributeSchema(a).optional()])))
  .meta({ id: "ClientAttributes" });

/** Public names of the configurations a client may choose. */
export const configurationKey = z.enum(configurationProfiles.map((p) => p.key) as [string, ...string[]]);

/** Body of POST /v1/matchmaking. */
export const startMatchmakingBody = z
  .strictObject({
    configuration: configurationKey.optional().describe("Matchmaking configuration; default: the stage's default"),
    latencyInMs: latencyInMs.optional(),
    attributes: clientAttributes.optional(),
  })
  .meta({ id: "StartMatchmakingRequest" });

/** A ticket status. */
export const ticketStatus = z.enum(TICKET_STATUSES);

/** 202 reply of POST /v1/matchmaking. */
export const startMatchmakingResponse = z
  .object({ ticketId: z.string(), status: ticketStatus, retryAfterMs: z.number().int() })
  .meta({ id: "StartMatchmakingResponse" });

/** The ticket as the caller sees it (GET /v1/matchmaking/{ticketId} and /current). */
export const ticketView = z
  .object({
    ticketId: z.string(),
    status: ticketStatus,
    configuration: z.string(),
    partyId: z.string().optional(),
    reason: z.string().optional(),
    message: z.string().optional(),
    estimatedWaitSeconds: z.number().optional(),
    match: z
      .object({
        matchId: z.string().optional(),
        team: z.string().optional(),
        acceptanceRequired: z.boolean(),
        acceptanceTimeoutSeconds: z.number().optional(),
        accepted: z.boolean().nullable().describe("The caller's own answer; null while pending"),
        acceptedCount: z.number().int(),
        playerCount: z.number().int(),
      })
      .optional(),
    connection: connectionView.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().describe("Grows with every change the caller can see; keep the highest seen (push messages may repeat or arrive late)"),
    retryAfterMs: z.number().int().describe("Poll again after this many ms (0 once the ticket has ended)"),
  })
  .meta({ id: "Ticket" });

/** Body of POST /v1/matchmaking/{ticketId}/accept. */
export const acceptMatchBody = z.strictObject({ accept: z.boolean() }).meta({ id: "AcceptMatchRequest" });
