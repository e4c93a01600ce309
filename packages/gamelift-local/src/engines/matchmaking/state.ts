import type { Collection } from "../../store/Store.js";
import type { EmulatorContext } from "../context.js";
import type { ConfigurationRecord, MatchedSessionRecord, MatchRecord, RuleSetRecord, TicketRecord } from "./types.js";

/** The store collections matchmaking keeps its state in (all snapshotted by `--persist`). */
export interface MatchmakingState {
  ruleSets: Collection<RuleSetRecord>;
  configurations: Collection<ConfigurationRecord>;
  tickets: Collection<TicketRecord>;
  matches: Collection<MatchRecord>;
  sessions: Collection<MatchedSessionRecord>;
  /** Per configuration: recent waits (seconds from StartTime to a match), newest last. */
  waits: Collection<number[]>;
}

/** Opens the matchmaking collections of the context's store. */
export function stateOf(ctx: EmulatorContext): MatchmakingState {
  const s = ctx.store;
  return {
    ruleSets: s.collection<RuleSetRecord>("matchmakingRuleSets"),
    configurations: s.collection<ConfigurationRecord>("matchmakingConfigurations"),
    tickets: s.collection<TicketRecord>("matchmakingTickets"),
    matches: s.collection<MatchRecord>("matchmakingMatches"),
    sessions: s.collection<MatchedSessionRecord>("matchmakingSessions"),
    waits: s.collection<number[]>("matchmakingWaits"),
  };
}
