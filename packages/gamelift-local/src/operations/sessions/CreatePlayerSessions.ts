import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { gameSessionId, text } from "../shapes.js";
import { playerSessionView } from "../views/sessions.js";
import { admitPlayers } from "./admitPlayers.js";

/** CreatePlayerSessions: up to 25 players at once, all or none. */
export const CreatePlayerSessions = defineOperation(
  z.object({
    GameSessionId: gameSessionId,
    PlayerIds: z.array(text(1, 1024)).min(1).max(25),
    PlayerDataMap: z.record(text(1, 1024), text(1, 2048)).optional(),
  }),
  (req, ctx) => {
    const players = req.PlayerIds.map((PlayerId) => ({ PlayerId, PlayerData: req.PlayerDataMap?.[PlayerId] }));
    const made = admitPlayers(ctx, req.GameSessionId, players);
    const session = collections(ctx.store).gameSessions.get(req.GameSessionId);
    return { PlayerSessions: made.map((p) => playerSessionView(p, session)) };
  },
);
