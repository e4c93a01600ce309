/**
 * Records the matchmaking engine keeps in `ctx.store`. All plain JSON (times are epoch ms) so that
 * `--persist` snapshots them.
 */

/** A player attribute value as GameLift sends it: exactly one of S, N, SL, SDM. */
export interface AttributeValue {
  S?: string;
  N?: number;
  SL?: string[];
  SDM?: Record<string, number>;
}

/** A player on a ticket (the API's `Player`). `Team` is set once matched, or given on backfill. */
export interface PlayerRecord {
  PlayerId: string;
  PlayerAttributes?: Record<string, AttributeValue>;
  Team?: string;
  LatencyInMs?: Record<string, number>;
}

/** Ticket statuses, in GameLift's spelling. */
export type TicketStatus =
  | "QUEUED"
  | "SEARCHING"
  | "REQUIRES_ACCEPTANCE"
  | "PLACING"
  | "COMPLETED"
  | "FAILED"
  | "CANCELLED"
  | "TIMED_OUT";

/** Statuses a ticket never leaves. */
export const terminalStatuses: readonly TicketStatus[] = ["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"];

/** Where the players of a WITH_QUEUE match connect. */
export interface ConnectionInfo {
  GameSessionArn: string;
  IpAddress: string;
  DnsName: string;
  Port: number;
  MatchedPlayerSessions: { PlayerId: string; PlayerSessionId: string }[];
}

/** A matchmaking or backfill ticket. */
export interface TicketRecord {
  ticketId: string;
  configurationName: string;
  configurationArn: string;
  status: TicketStatus;
  statusReason?: string;
  statusMessage?: string;
  startTime: number;
  endTime?: number;
  players: PlayerRecord[];
  /** The match this ticket is (or last was) part of. */
  matchId?: string;
  connectionInfo?: ConnectionInfo;
  /** Present on backfill tickets. */
  backfill?: { gameSessionArn?: string; auto: boolean };
}

/** A rule set as stored (the body is kept verbatim, as GameLift returns it). */
export interface RuleSetRecord {
  RuleSetName: string;
  RuleSetArn: string;
  RuleSetBody: string;
  CreationTime: number;
}

/** A matchmaking configuration in the API's shape (times in epoch ms). */
export interface ConfigurationRecord {
  Name: string;
  ConfigurationArn: string;
  Description?: string;
  GameSessionQueueArns: string[];
  RequestTimeoutSeconds: number;
  AcceptanceTimeoutSeconds?: number;
  AcceptanceRequired: boolean;
  RuleSetName: string;
  RuleSetArn: string;
  NotificationTarget?: string;
  AdditionalPlayerCount: number;
  CustomEventData?: string;
  CreationTime: number;
  GameProperties: { Key: string; Value: string }[];
  GameSessionData?: string;
  BackfillMode?: "AUTOMATIC" | "MANUAL";
  FlexMatchMode: "STANDALONE" | "WITH_QUEUE";
}

/** One player's place in a match. */
export interface MatchPlayer {
  playerId: string;
  ticketId: string;
}

/** A match team. */
export interface MatchTeam {
  name: string;
  players: MatchPlayer[];
}

/** A rule's pass/fail counts, as reported in events. */
export interface RuleMetric {
  ruleName: string;
  passedCount: number;
  failedCount: number;
}

/** Match statuses: the proposal's life, from creation to an outcome. */
export type MatchStatus = "REQUIRES_ACCEPTANCE" | "PLACING" | "COMPLETED" | "FAILED" | "ABANDONED";

/** A proposed match (a new game, or new players for a backfilled game). */
export interface MatchRecord {
  matchId: string;
  configurationName: string;
  ticketIds: string[];
  teams: MatchTeam[];
  status: MatchStatus;
  createdAt: number;
  ruleEvaluationMetrics: RuleMetric[];
  location?: string;
  /** Players that must answer (backfill: new players only) and their answers. */
  acceptance?: { deadline: number; answers: Record<string, boolean>; required: string[] };
  placementId?: string;
  /** The backfill ticket in this match, if it fills an existing game. */
  backfillTicketId?: string;
  /** The auto-backfill ticket id written into this match's MatchmakerData, if any. */
  autoBackfillTicketId?: string;
}

/** A game session that FlexMatch made (WITH_QUEUE), so later backfills can rebuild its MatchmakerData. */
export interface MatchedSessionRecord {
  gameSessionArn: string;
  configurationName: string;
  matchId: string;
  teams: { name: string; players: PlayerRecord[] }[];
  /** Players FlexMatch fills the game up to: Σ team maxPlayers less the AdditionalPlayerCount slots kept open. */
  maxPlayers: number;
  autoBackfillTicketId: string | null;
  /** Set once StopMatchmaking ends auto-backfill for this session. */
  autoBackfillStopped?: boolean;
}
