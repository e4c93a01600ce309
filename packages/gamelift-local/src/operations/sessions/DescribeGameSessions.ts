import { defineOperation } from "../defineOperation.js";
import { gameSessionView } from "../views/sessions.js";
import { selectSessions } from "./selectSessions.js";
import { sessionSelectionInput } from "./sessionSelectionInput.js";

/** DescribeGameSessions: by id, or of a fleet/alias with optional location and status filter. */
export const DescribeGameSessions = defineOperation(sessionSelectionInput, (req, ctx) => {
  const { sessions, NextToken } = selectSessions(ctx, req);
  return { GameSessions: sessions.map((s) => gameSessionView(ctx, s)), NextToken };
});
