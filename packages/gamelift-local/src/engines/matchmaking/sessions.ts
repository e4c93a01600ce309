import type { EmulatorContext } from "../context.js";
import { matchmakerAttributes, type RuleSet } from "./matcher.js";
import { collections } from "../state/collections.js";
import type { ConfigurationRecord, MatchedSessionRecord, PlayerRecord } from "../state/records.js";

/** GameSession.MatchmakerData, as documented (no latencies inside). */
interface MatchmakerData {
  matchId: string;
  matchmakingConfigurationArn: string;
  teams: {
    name: string;
    players: { playerId: string; attributes?: Record<string, { attributeType: string; valueAttribute: unknown }> }[];
  }[];
  autoBackfillMode?: "AUTOMATIC" | "MANUAL";
  autoBackfillTicketId: string | null;
}

/** Groups players by `Team`, teams in the given order (the match's concrete teams), others after. */
export function teamsOfPlayers(
  players: readonly PlayerRecord[],
  teamOrder: readonly string[],
): MatchedSessionRecord["teams"] {
  const byTeam = new Map<string, PlayerRecord[]>(teamOrder.map((t) => [t, []]));
  for (const p of players) {
    const team = p.Team ?? "";
    const list = byTeam.get(team) ?? [];
    list.push(p);
    byTeam.set(team, list);
  }
  return [...byTeam].map(([name, members]) => ({ name, players: members }));
}

/** Builds the MatchmakerData JSON string of a (re)matched session. */
export function matchmakerDataOf(
  ruleSet: RuleSet,
  config: ConfigurationRecord,
  matchId: string,
  teams: MatchedSessionRecord["teams"],
  autoBackfillTicketId: string | null,
): string {
  const data: MatchmakerData = {
    matchId,
    matchmakingConfigurationArn: config.ConfigurationArn,
    teams: teams.map((t) => ({
      name: t.name,
      players: t.players.map((p) => {
        const attributes = matchmakerAttributes(ruleSet, p);
        return Object.keys(attributes).length > 0 ? { playerId: p.PlayerId, attributes } : { playerId: p.PlayerId };
      }),
    })),
    ...(config.BackfillMode !== undefined ? { autoBackfillMode: config.BackfillMode } : {}),
    autoBackfillTicketId,
  };
  return JSON.stringify(data);
}

/** A new auto-backfill ticket id (`auto-backfill-<uuid>`, the prefix consumers key on). */
export function autoBackfillTicketId(ctx: EmulatorContext): string {
  return `auto-backfill-${ctx.ids.uuid()}`;
}

/** The matched-session record of a FlexMatch-made game session. */
export function sessionRecord(ctx: EmulatorContext, gameSessionArn: string): MatchedSessionRecord | undefined {
  return collections(ctx.store).matchmakingSessions.get(gameSessionArn);
}

/** Stores a matched-session record. */
export function putSession(ctx: EmulatorContext, record: MatchedSessionRecord): void {
  collections(ctx.store).matchmakingSessions.put(record.gameSessionArn, record);
}

/** Number of players FlexMatch placed in a session. */
export function playerCount(record: MatchedSessionRecord): number {
  return record.teams.reduce((n, t) => n + t.players.length, 0);
}
