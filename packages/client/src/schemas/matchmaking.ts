import { type Catalog, once, TICKET_STATUSES, type RuleSetAttribute } from "@matchplace/core";
import * as z from "zod/mini";
import { connectionView, latencyInMs } from "./common.js";
import { int } from "./int.js";
import { perCatalog } from "./perCatalog.js";

const attributeName = /^[A-Za-z0-9_-]{1,32}$/;
const attributeString = /* @__PURE__ */ once(() => z.string().check(z.minLength(1), z.maxLength(100)));

/** The zod schema of one client-settable attribute, from its rule-set type. */
function attributeSchema(attr: RuleSetAttribute): z.ZodMiniType {
  switch (attr.type) {
    case "string":
      return attributeString();
    case "number":
      return z.number();
    case "string_list":
      return z.array(attributeString()).check(z.minLength(1), z.maxLength(10));
    case "string_number_map":
      return z
        .record(z.string().check(z.regex(attributeName)), z.number())
        .check(z.refine((m) => Object.keys(m).length <= 10, "at most 10 entries"));
  }
}

/** The schemas of one catalog: what {@link matchmakingSchemas} builds. */
function buildMatchmakingSchemas(catalog: Catalog) {
  /**
   * Client-settable player attributes (the names a configuration declares client-settable, with the
   * rule set's types). Anything else is refused.
   */
  const clientAttributes = z
    .strictObject(
      Object.fromEntries(catalog.clientSettableAttributes().map((a) => [a.name, z.optional(attributeSchema(a))])),
    )
    .check(z.meta({ id: "ClientAttributes" }));

  /** Public names of the configurations a client may choose. */
  const configurationKey = z.enum(catalog.configurations.map((p) => p.key) as [string, ...string[]]);

  /** Body of POST /v1/matchmaking. */
  const startMatchmakingBody = z
    .strictObject({
      configuration: z
        .optional(configurationKey)
        .check(z.describe("Matchmaking configuration; default: the stage's default")),
      latencyInMs: z.optional(latencyInMs()),
      attributes: z.optional(clientAttributes),
    })
    .check(z.meta({ id: "StartMatchmakingRequest" }));

  return { clientAttributes, configurationKey, startMatchmakingBody };
}

/** The catalog-dependent matchmaking schemas: {@link matchmakingSchemas}'s result. */
export type MatchmakingSchemas = ReturnType<typeof buildMatchmakingSchemas>;

/**
 * The matchmaking schemas that depend on the stage's catalog (client-settable attributes, the
 * configuration names, the StartMatchmaking body), built once per catalog.
 * @example const body = matchmakingSchemas(catalog).startMatchmakingBody.parse(json);
 */
export const matchmakingSchemas: (catalog: Catalog) => MatchmakingSchemas =
  /* @__PURE__ */ perCatalog(buildMatchmakingSchemas);

/** A ticket status. */
export const ticketStatus = /* @__PURE__ */ once(() => z.enum(TICKET_STATUSES));

/** 202 reply of POST /v1/matchmaking. */
export const startMatchmakingResponse = /* @__PURE__ */ once(() =>
  z
    .object({ ticketId: z.string(), status: ticketStatus(), retryAfterMs: int() })
    .check(z.meta({ id: "StartMatchmakingResponse" })),
);

/** The ticket as the caller sees it (GET /v1/matchmaking/{ticketId} and /current). */
export const ticketView = /* @__PURE__ */ once(() =>
  z
    .object({
      ticketId: z.string(),
      status: ticketStatus(),
      configuration: z.string(),
      partyId: z.optional(z.string()),
      reason: z.optional(z.string()),
      message: z.optional(z.string()),
      estimatedWaitSeconds: z.optional(z.number()),
      match: z.optional(
        z.object({
          matchId: z.optional(z.string()),
          team: z.optional(z.string()),
          acceptanceRequired: z.boolean(),
          acceptanceTimeoutSeconds: z.optional(z.number()),
          accepted: z.nullable(z.boolean()).check(z.describe("The caller's own answer; null while pending")),
          acceptedCount: int(),
          playerCount: int(),
        }),
      ),
      connection: z.optional(connectionView()),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: int().check(
        z.describe(
          "Grows with every change the caller can see; keep the highest seen (push messages may repeat or arrive late)",
        ),
      ),
      retryAfterMs: int().check(z.describe("Poll again after this many ms (0 once the ticket has ended)")),
    })
    .check(z.meta({ id: "Ticket" })),
);

/** Body of POST /v1/matchmaking/{ticketId}/accept. */
export const acceptMatchBody = /* @__PURE__ */ once(() =>
  z.strictObject({ accept: z.boolean() }).check(z.meta({ id: "AcceptMatchRequest" })),
);
