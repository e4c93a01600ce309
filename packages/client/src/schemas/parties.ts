import { MAX_PARTY_SIZE, PARTY_CODE_LENGTH } from "@matchplace/core";
import * as z from "zod";

/** Body of POST /v1/parties (nothing to send). */
export const createPartyBody = z.strictObject({}).meta({ id: "CreatePartyRequest" });

/** Body of POST /v1/parties/join. Codes are case-insensitive. */
export const joinPartyBody = z
  .strictObject({
    code: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .pipe(z.string().regex(new RegExp(`^[A-Z0-9]{${PARTY_CODE_LENGTH}}$`), `must be a ${PARTY_CODE_LENGTH}-character join code`)),
  })
  .meta({ id: "JoinPartyRequest" });

/** A party as its members see it. */
export const partyView = z
  .object({
    partyId: z.string(),
    leaderId: z.string(),
    memberIds: z.array(z.string()),
    code: z.string().describe("Join code to share with friends"),
    maxSize: z.literal(MAX_PARTY_SIZE),
    createdAt: z.string(),
    version: z.number().int().describe("Grows with every membership change"),
  })
  .meta({ id: "Party" });
