import type { Engine } from "../Engine.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import { endGameSession } from "./gameSessions.js";

/**
 * Moves game sessions ACTIVATING → ACTIVE and TERMINATING → TERMINATED (there is no real server
 * process to do it), and times out player sessions that stay RESERVED too long.
 */
export const sessionEngine: Engine = {
  tick(ctx) {
    const now = ctx.clock.now();
    const cols = collections(ctx.store);
    for (const s of cols.gameSessions.each()) {
      if (s.Status === "ACTIVATING" && s.activateAt <= now) s.Status = "ACTIVE";
      else if (s.Status === "TERMINATING") endGameSession(ctx, s, s.StatusReason, "TERMINATED");
    }
    const timeout = settingsOf(ctx).playerSessionTimeoutMs;
    if (timeout <= 0) return;
    for (const p of cols.playerSessions.values()) {
      if (p.Status === "RESERVED" && p.CreationTime + timeout <= now) {
        p.Status = "TIMEDOUT";
        p.TerminationTime = now;
      }
    }
  },
};
