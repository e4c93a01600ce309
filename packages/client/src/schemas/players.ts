import { z } from "zod";
import { clientAttributes } from "./matchmaking.js";

/** The caller's profile (GET /v1/players/me). */
export const playerView = z
  .object({
    playerId: z.string(),
    skill: z.number().describe("Server-side matchmaking skill; never set by clients"),
    preferences: z.record(z.string(), z.unknown()).describe("Client-settable attributes used when matchmaking"),
    partyId: z.string().optional(),
    activeTicketId: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: "Player" });

/** Body of PATCH /v1/players/me: only client-settable attributes. */
export const updatePlayerBody = z.strictObject({ preferences: clientAttributes }).meta({ id: "UpdatePlayerRequest" });
