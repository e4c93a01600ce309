import * as z from "zod";
import { clientAttributes } from "./matchmaking.js";

/** One skill rating (Weng-Lin / openskill): μ, σ, the display rating μ − 3σ, and the matches rated. */
export const ratingView = z
  .object({
    mu: z.number(),
    sigma: z.number().nonnegative(),
    display: z.number().describe("Conservative display rating, mu - 3 sigma"),
    matches: z.number().int().nonnegative(),
  })
  .meta({ id: "Rating" });

/** The caller's profile (GET /v1/players/me). */
export const playerView = z
  .object({
    playerId: z.string(),
    skill: z.number().describe("Server-side matchmaking skill sent with StartMatchmaking (from the default pool's rating); never set by clients"),
    ratings: z.record(z.string(), ratingView).describe("Ratings by rating pool (a pool per matchmaking configuration); empty before the first rated match"),
    preferences: z.record(z.string(), z.unknown()).describe("Client-settable attributes used when matchmaking"),
    partyId: z.string().optional(),
    activeTicketId: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: "Player" });

/** Body of PATCH /v1/players/me: only client-settable attributes. */
export const updatePlayerBody = z.strictObject({ preferences: clientAttributes }).meta({ id: "UpdatePlayerRequest" });
