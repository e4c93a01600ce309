import { defineOperation } from "../defineOperation.js";
import { gameSessionView } from "../views/sessions.js";
import { selectSessions } from "./selectSessions.js";
import { sessionSelectionInput } from "./sessionSelectionInput.js";

/** DescribeGameSessionDetails: DescribeGameSessions plus each session's ProtectionPolicy. */
export const DescribeGameSessionDetails = defineOperation(sessionSelectionInput, (req, ctx) => {
  const { sessions, NextToken } = selectSessions(ctx, req);
  return {
    GameSessionDetails: sessions.map((s) => ({
      GameSession: gameSessionView(ctx, s),
      ProtectionPolicy: s.ProtectionPolicy,
    })),
    NextToken,
  };
});
