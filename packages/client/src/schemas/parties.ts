import { MAX_PARTY_SIZE, once, PARTY_CODE_LENGTH } from "@matchplace/core";
import * as z from "zod/mini";
import { int } from "./int.js";

/** Body of POST /v1/parties (nothing to send). */
export const createPartyBody = /* @__PURE__ */ once(() =>
  z.strictObject({}).check(z.meta({ id: "CreatePartyRequest" })),
);

/** Body of POST /v1/parties/join. Codes are case-insensitive. */
export const joinPartyBody = /* @__PURE__ */ once(() =>
  z
    .strictObject({
      code: z.pipe(
        z.pipe(
          z.string(),
          z.transform((s: string) => s.trim().toUpperCase()),
        ),
        z
          .string()
          .check(
            z.regex(
              new RegExp(`^[A-Z0-9]{${PARTY_CODE_LENGTH}}$`),
              `must be a ${PARTY_CODE_LENGTH}-character join code`,
            ),
          ),
      ),
    })
    .check(z.meta({ id: "JoinPartyRequest" })),
);

/** A party as its members see it. */
export const partyView = /* @__PURE__ */ once(() =>
  z
    .object({
      partyId: z.string(),
      leaderId: z.string(),
      memberIds: z.array(z.string()),
      code: z.string().check(z.describe("Join code to share with friends")),
      maxSize: z.literal(MAX_PARTY_SIZE),
      createdAt: z.string(),
      version: int().check(z.describe("Grows with every membership change")),
    })
    .check(z.meta({ id: "Party" })),
);
