import { z } from "zod";
import { startPlacement } from "../../engines/placement/index.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { gameProperties, location, playerLatencies, queueNameOrArn, text } from "../shapes.js";
import { placementView } from "../views/sessions.js";

/** StartGameSessionPlacement: a PENDING placement the placement engine works on. */
export const StartGameSessionPlacement = defineOperation(
  z.object({
    PlacementId: z
      .string()
      .min(1)
      .max(48)
      .regex(/^[a-zA-Z0-9-]+$/),
    GameSessionQueueName: queueNameOrArn,
    GameProperties: gameProperties.optional(),
    MaximumPlayerSessionCount: z.number().int().min(0),
    GameSessionName: text(1, 1024).optional(),
    PlayerLatencies: playerLatencies.optional(),
    DesiredPlayerSessions: z
      .array(z.object({ PlayerId: text(1, 1024), PlayerData: text(1, 2048).optional() }))
      .optional(),
    GameSessionData: text(1, 262144).optional(),
    PriorityConfigurationOverride: z
      .object({
        LocationOrder: z.array(location).min(1).max(10),
        PlacementFallbackStrategy: z.enum(["DEFAULT_AFTER_SINGLE_PASS", "NONE"]).optional(),
      })
      .optional(),
  }),
  (req, ctx) => {
    if (req.PlayerLatencies?.length && req.PriorityConfigurationOverride) {
      throw new InvalidRequestException("PlayerLatencies and PriorityConfigurationOverride cannot be used together.");
    }
    const placement = startPlacement(ctx, {
      placementId: req.PlacementId,
      queueNameOrArn: req.GameSessionQueueName,
      maximumPlayerSessionCount: req.MaximumPlayerSessionCount,
      gameSessionName: req.GameSessionName,
      gameProperties: req.GameProperties,
      gameSessionData: req.GameSessionData,
      playerLatencies: req.PlayerLatencies,
      desiredPlayerSessions: req.DesiredPlayerSessions?.map((d) => ({
        playerId: d.PlayerId,
        playerData: d.PlayerData,
      })),
      priorityConfigurationOverride: req.PriorityConfigurationOverride,
    });
    return { GameSessionPlacement: placementView(ctx, placement) };
  },
);
