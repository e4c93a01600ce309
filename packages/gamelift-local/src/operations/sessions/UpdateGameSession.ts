import { z } from "zod";
import { InvalidGameSessionStatusException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireGameSession } from "../lookup.js";
import { gameProperties, gameSessionId, text } from "../shapes.js";
import { gameSessionView } from "../views/sessions.js";

/** UpdateGameSession: max players, name, creation policy, protection; GameProperties are added or overwritten. */
export const UpdateGameSession = defineOperation(
  z.object({
    GameSessionId: gameSessionId,
    MaximumPlayerSessionCount: z.number().int().min(0).optional(),
    Name: text(1, 1024).optional(),
    PlayerSessionCreationPolicy: z.enum(["ACCEPT_ALL", "DENY_ALL"]).optional(),
    ProtectionPolicy: z.enum(["NoProtection", "FullProtection"]).optional(),
    GameProperties: gameProperties.optional(),
  }),
  (req, ctx) => {
    const session = requireGameSession(ctx, req.GameSessionId);
    if (session.Status !== "ACTIVE" && session.Status !== "ACTIVATING") {
      throw new InvalidGameSessionStatusException(`Game session ${session.GameSessionId} is ${session.Status}.`);
    }
    if (req.MaximumPlayerSessionCount !== undefined) session.MaximumPlayerSessionCount = req.MaximumPlayerSessionCount;
    if (req.Name !== undefined) session.Name = req.Name;
    if (req.PlayerSessionCreationPolicy) session.PlayerSessionCreationPolicy = req.PlayerSessionCreationPolicy;
    if (req.ProtectionPolicy) session.ProtectionPolicy = req.ProtectionPolicy;
    for (const p of req.GameProperties ?? []) {
      const existing = session.GameProperties.find((q) => q.Key === p.Key);
      if (existing) existing.Value = p.Value;
      else session.GameProperties.push({ Key: p.Key, Value: p.Value });
    }
    return { GameSession: gameSessionView(ctx, session) };
  },
);
