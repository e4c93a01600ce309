import { type Catalog, once } from "@matchplace/core";
import * as z from "zod/mini";
import { int } from "./int.js";
import { matchmakingSchemas } from "./matchmaking.js";
import { perCatalog } from "./perCatalog.js";

/** One skill rating (Weng-Lin / openskill): μ, σ, the display rating μ − 3σ, and the matches rated. */
export const ratingView = /* @__PURE__ */ once(() =>
  z
    .object({
      mu: z.number(),
      sigma: z.number().check(z.nonnegative()),
      display: z.number().check(z.describe("Conservative display rating, mu - 3 sigma")),
      matches: int().check(z.nonnegative()),
    })
    .check(z.meta({ id: "Rating" })),
);

/** The caller's profile (GET /v1/players/me). */
export const playerView = /* @__PURE__ */ once(() =>
  z
    .object({
      playerId: z.string(),
      skill: z
        .number()
        .check(
          z.describe(
            "Server-side matchmaking skill sent with StartMatchmaking (from the default pool's rating); never set by clients",
          ),
        ),
      ratings: z
        .record(z.string(), ratingView())
        .check(
          z.describe(
            "Ratings by rating pool (a pool per matchmaking configuration); empty before the first rated match",
          ),
        ),
      preferences: z
        .record(z.string(), z.unknown())
        .check(z.describe("Client-settable attributes used when matchmaking")),
      partyId: z.optional(z.string()),
      activeTicketId: z.optional(z.string()),
      createdAt: z.string(),
    })
    .check(z.meta({ id: "Player" })),
);

function buildUpdatePlayerBody(catalog: Catalog) {
  return z
    .strictObject({ preferences: matchmakingSchemas(catalog).clientAttributes })
    .check(z.meta({ id: "UpdatePlayerRequest" }));
}

/**
 * Body of PATCH /v1/players/me: only the catalog's client-settable attributes (built once per catalog).
 * @example const body = updatePlayerBody(catalog).parse(json);
 */
export const updatePlayerBody: (catalog: Catalog) => ReturnType<typeof buildUpdatePlayerBody> =
  /* @__PURE__ */ perCatalog(buildUpdatePlayerBody);
