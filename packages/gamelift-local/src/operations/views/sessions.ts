import { currentPlayerSessionCount } from "../../engines/sessions/gameSessions.js";
import type { GameSessionRecord, PlacementRecord, PlayerSessionRecord } from "../../engines/state/records.js";
import { collections } from "../../engines/state/collections.js";
import type { EmulatorContext } from "../../engines/context.js";
import { playerGatewayStatus } from "./fleets.js";

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** GameSession of the API. */
export function gameSessionView(ctx: EmulatorContext, s: GameSessionRecord): Record<string, unknown> {
  const connectable = s.Status === "ACTIVE" || s.Status === "ACTIVATING";
  return {
    GameSessionId: s.GameSessionId,
    Name: s.Name,
    FleetId: s.FleetId,
    FleetArn: s.FleetArn,
    CreationTime: new Date(s.CreationTime),
    TerminationTime: date(s.TerminationTime),
    CurrentPlayerSessionCount: currentPlayerSessionCount(ctx, s.GameSessionId),
    MaximumPlayerSessionCount: s.MaximumPlayerSessionCount,
    Status: s.Status,
    StatusReason: s.StatusReason,
    GameProperties: s.GameProperties,
    IpAddress: connectable ? s.IpAddress : undefined,
    DnsName: connectable ? s.DnsName : undefined,
    Port: connectable ? s.Port : undefined,
    PlayerSessionCreationPolicy: s.PlayerSessionCreationPolicy,
    CreatorId: s.CreatorId,
    GameSessionData: s.GameSessionData,
    MatchmakerData: s.MatchmakerData,
    Location: s.Location,
    PlayerGatewayStatus: playerGatewayStatus(collections(ctx.store).fleets.get(s.FleetId)),
    ComputeName: collections(ctx.store).instances.get(s.InstanceId)?.compute?.ComputeName,
  };
}

/** PlayerSession of the API; connection details are given while the session is usable. */
export function playerSessionView(s: PlayerSessionRecord, g: GameSessionRecord | undefined): Record<string, unknown> {
  const live = s.Status === "RESERVED" || s.Status === "ACTIVE";
  return {
    PlayerSessionId: s.PlayerSessionId,
    PlayerId: s.PlayerId,
    GameSessionId: s.GameSessionId,
    FleetId: s.FleetId,
    FleetArn: s.FleetArn,
    CreationTime: new Date(s.CreationTime),
    TerminationTime: date(s.TerminationTime),
    Status: s.Status,
    IpAddress: live ? g?.IpAddress : undefined,
    DnsName: live ? g?.DnsName : undefined,
    Port: live ? g?.Port : undefined,
    PlayerData: s.PlayerData,
  };
}

/** GameSessionPlacement of the API; session details only once FULFILLED. */
export function placementView(ctx: EmulatorContext, p: PlacementRecord): Record<string, unknown> {
  const done = p.Status === "FULFILLED";
  const session = done && p.GameSessionId ? collections(ctx.store).gameSessions.get(p.GameSessionId) : undefined;
  return {
    PlacementId: p.PlacementId,
    GameSessionQueueName: p.GameSessionQueueName,
    Status: p.Status,
    GameProperties: p.GameProperties,
    MaximumPlayerSessionCount: p.MaximumPlayerSessionCount,
    GameSessionName: p.GameSessionName,
    GameSessionId: done ? p.GameSessionId : undefined,
    GameSessionArn: done ? p.GameSessionId : undefined,
    GameSessionRegion: done ? p.GameSessionRegion : undefined,
    PlayerLatencies: p.PlayerLatencies,
    StartTime: new Date(p.StartTime),
    EndTime: date(p.EndTime),
    IpAddress: done ? p.IpAddress : undefined,
    DnsName: done ? p.DnsName : undefined,
    Port: done ? p.Port : undefined,
    PlacedPlayerSessions: done ? p.PlacedPlayerSessions : undefined,
    GameSessionData: p.GameSessionData,
    MatchmakerData: p.MatchmakerData,
    PriorityConfigurationOverride: p.PriorityConfigurationOverride,
    PlayerGatewayStatus: session ? playerGatewayStatus(collections(ctx.store).fleets.get(session.FleetId)) : undefined,
  };
}
