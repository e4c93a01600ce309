import { gameSessionArn } from "../../arns.js";
import type { EmulatorContext } from "../context.js";
import { allocatePort, findFreeInstance } from "../fleets/capacity.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import type { FleetRecord, GameProperty, GameSessionRecord, PlayerSessionRecord } from "../state/records.js";

/** What a new game session is made from. */
export interface NewGameSession {
  readonly fleet: FleetRecord;
  readonly location: string;
  readonly maximumPlayerSessionCount: number;
  readonly name?: string;
  readonly gameProperties?: readonly GameProperty[];
  readonly creatorId?: string;
  readonly gameSessionData?: string;
  readonly matchmakerData?: string;
  /** The last part of the ARN: the IdempotencyToken, else `gsess-<uuid>` (placements: a bare UUID). */
  readonly idPart: string;
  readonly idempotencyToken?: string;
  /** Placements make sessions that are ACTIVE at once; CreateGameSession's start ACTIVATING. */
  readonly activateNow?: boolean;
}

/** Makes a game session on a free server process, or returns `undefined` when the location is full. */
export function createGameSession(ctx: EmulatorContext, input: NewGameSession): GameSessionRecord | undefined {
  const instance = findFreeInstance(ctx, input.fleet, input.location);
  if (!instance) return undefined;
  const now = ctx.clock.now();
  const activateAt = input.activateNow ? now : now + settingsOf(ctx).gameSessionActivationMs;
  const session: GameSessionRecord = {
    GameSessionId: gameSessionArn(ctx.region, input.fleet.FleetId, input.idPart, input.location),
    Name: input.name,
    FleetId: input.fleet.FleetId,
    FleetArn: input.fleet.FleetArn,
    Location: input.location,
    InstanceId: instance.InstanceId,
    CreationTime: now,
    MaximumPlayerSessionCount: input.maximumPlayerSessionCount,
    Status: input.activateNow ? "ACTIVE" : "ACTIVATING",
    GameProperties: [...(input.gameProperties ?? [])],
    IpAddress: instance.IpAddress,
    DnsName: instance.DnsName,
    Port: allocatePort(ctx, input.fleet),
    PlayerSessionCreationPolicy: "ACCEPT_ALL",
    ProtectionPolicy: input.fleet.NewGameSessionProtectionPolicy,
    CreatorId: input.creatorId,
    GameSessionData: input.gameSessionData,
    MatchmakerData: input.matchmakerData,
    activateAt,
    idempotencyToken: input.idempotencyToken,
    playerSessionIds: [],
  };
  return collections(ctx.store).gameSessions.put(session.GameSessionId, session);
}

/** The player sessions of a game session: through its index when it has one, else by a scan. */
function playerSessionsOf(ctx: EmulatorContext, gameSessionId: string): PlayerSessionRecord[] {
  const cols = collections(ctx.store);
  const ids = cols.gameSessions.get(gameSessionId)?.playerSessionIds;
  if (ids) return ids.map((id) => cols.playerSessions.get(id)).filter((p): p is PlayerSessionRecord => p !== undefined);
  return cols.playerSessions.values().filter((p) => p.GameSessionId === gameSessionId);
}

/** RESERVED and ACTIVE player sessions of a game session (what counts against its maximum). */
export function currentPlayerSessionCount(ctx: EmulatorContext, gameSessionId: string): number {
  return playerSessionsOf(ctx, gameSessionId).filter((p) => p.Status === "RESERVED" || p.Status === "ACTIVE").length;
}

/** Reserves one player session per player (no policy or room checks: callers do those). */
export function reservePlayerSessions(
  ctx: EmulatorContext,
  session: GameSessionRecord,
  players: readonly { PlayerId: string; PlayerData?: string }[],
): PlayerSessionRecord[] {
  const now = ctx.clock.now();
  const store = collections(ctx.store).playerSessions;
  // The stored record is indexed (callers may hold a copy): the index must live on the one in the store.
  const stored = collections(ctx.store).gameSessions.get(session.GameSessionId) ?? session;
  // A session from an older snapshot has no index yet: build it once from a scan.
  stored.playerSessionIds ??= store
    .values()
    .filter((p) => p.GameSessionId === stored.GameSessionId)
    .map((p) => p.PlayerSessionId);
  const index = stored.playerSessionIds;
  return players.map((p) => {
    const id = `psess-${ctx.ids.uuid()}`;
    index.push(id);
    return store.put(id, {
      PlayerSessionId: id,
      PlayerId: p.PlayerId,
      PlayerData: p.PlayerData,
      GameSessionId: session.GameSessionId,
      FleetId: session.FleetId,
      FleetArn: session.FleetArn,
      CreationTime: now,
      Status: "RESERVED",
    });
  });
}

/** Ends a game session and completes its player sessions. */
export function endGameSession(
  ctx: EmulatorContext,
  session: GameSessionRecord,
  reason: GameSessionRecord["StatusReason"],
  status: "TERMINATING" | "TERMINATED" = "TERMINATED",
): void {
  const now = ctx.clock.now();
  session.Status = status;
  session.StatusReason = reason;
  if (status === "TERMINATED") {
    session.TerminationTime = now;
    for (const p of playerSessionsOf(ctx, session.GameSessionId)) {
      if (p.Status === "RESERVED" || p.Status === "ACTIVE") {
        p.Status = "COMPLETED";
        p.TerminationTime = now;
      }
    }
  }
}
