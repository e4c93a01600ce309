import { z } from "zod";
import { endGameSession } from "../../engines/sessions/gameSessions.js";
import { InvalidGameSessionStatusException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireGameSession } from "../lookup.js";
import { gameSessionId } from "../shapes.js";
import { gameSessionView } from "../views/sessions.js";

/**
 * TerminateGameSession: FORCE_TERMINATE ends it at once; TRIGGER_ON_PROCESS_TERMINATE makes it
 * TERMINATING and the emulated server process ends it on the next tick.
 */
export const TerminateGameSession = defineOperation(
  z.object({
    GameSessionId: gameSessionId,
    TerminationMode: z.enum(["TRIGGER_ON_PROCESS_TERMINATE", "FORCE_TERMINATE"]),
  }),
  (req, ctx) => {
    const session = requireGameSession(ctx, req.GameSessionId);
    if (session.Status !== "ACTIVE" && session.Status !== "ACTIVATING") {
      throw new InvalidGameSessionStatusException(
        `Game session ${session.GameSessionId} is ${session.Status} and cannot be terminated.`,
      );
    }
    if (req.TerminationMode === "FORCE_TERMINATE") endGameSession(ctx, session, "FORCE_TERMINATED");
    else endGameSession(ctx, session, "TRIGGERED_ON_PROCESS_TERMINATE", "TERMINATING");
    return { GameSession: gameSessionView(ctx, session) };
  },
);
