import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { gameSessionId, text } from "../shapes.js";
import { playerSessionView } from "../views/sessions.js";
import { admitPlayers } from "./admitPlayers.js";

/** CreatePlayerSession: one RESERVED player session (TIMEDOUT if not used within the timeout). */
export const CreatePlayerSession = defineOperation(
  z.object({ GameSessionId: gameSessionId, PlayerId: text(1, 1024), PlayerData: text(1, 2048).optional() }),
  (req, ctx) => {
    const [made] = admitPlayers(ctx, req.GameSessionId, [{ PlayerId: req.PlayerId, PlayerData: req.PlayerData }]);
    const session = collections(ctx.store).gameSessions.get(req.GameSessionId);
    return { PlayerSession: made ? playerSessionView(made, session) : undefined };
  },
);
