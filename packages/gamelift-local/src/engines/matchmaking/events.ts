import type { EmulatorContext } from "../context.js";
import type { ConfigurationRecord, TicketRecord } from "../state/records.js";

/** FlexMatch event names (`detail.type`); they are not ticket statuses. */
export type MatchmakingEventType =
  | "MatchmakingSearching"
  | "PotentialMatchCreated"
  | "AcceptMatch"
  | "AcceptMatchCompleted"
  | "MatchmakingSucceeded"
  | "MatchmakingTimedOut"
  | "MatchmakingCancelled"
  | "MatchmakingFailed";

/** A player in an event. */
interface PlayerRef {
  playerId: string;
  team?: string;
  playerSessionId?: string;
  accepted?: boolean;
}

/** A ticket in an event. */
export interface TicketRef {
  ticketId: string;
  startTime: string;
  players: PlayerRef[];
}

/** `detail.gameSessionInfo`: every player of the event's tickets, plus connection info on success. */
export interface GameSessionInfo {
  players: PlayerRef[];
  gameSessionArn?: string;
  ipAddress?: string;
  dnsName?: string;
  /** A number in FlexMatch events (placement events use a string). */
  port?: number;
}

/** An event's `detail`. Type-specific members (matchId, reason, ...) ride along. */
export interface MatchmakingEventDetail {
  type: MatchmakingEventType;
  tickets: TicketRef[];
  gameSessionInfo: GameSessionInfo;
  customEventData?: string;
  [member: string]: unknown;
}

/** The EventBridge-style envelope GameLift publishes (the SNS `Message`). */
export interface MatchmakingEvent {
  version: "0";
  id: string;
  "detail-type": "GameLift Matchmaking Event";
  source: "aws.gamelift";
  account: string;
  time: string;
  region: string;
  resources: [string];
  detail: MatchmakingEventDetail;
}

/** Per-player extras for `ticketRefs`. */
export interface PlayerRefExtras {
  team?: ReadonlyMap<string, string>;
  playerSessionId?: ReadonlyMap<string, string>;
  accepted?: Readonly<Record<string, boolean>>;
}

/** The `tickets` of an event, each player decorated with what is known at this point. */
export function ticketRefs(tickets: readonly TicketRecord[], extras: PlayerRefExtras = {}): TicketRef[] {
  return tickets.map((t) => ({
    ticketId: t.ticketId,
    startTime: new Date(t.startTime).toISOString(),
    players: t.players.map((p) => {
      const ref: PlayerRef = { playerId: p.PlayerId };
      const team = extras.team?.get(p.PlayerId) ?? p.Team;
      if (team !== undefined) ref.team = team;
      const psess = extras.playerSessionId?.get(p.PlayerId);
      if (psess !== undefined) ref.playerSessionId = psess;
      const accepted = extras.accepted?.[p.PlayerId];
      if (accepted !== undefined) ref.accepted = accepted;
      return ref;
    }),
  }));
}

/** Builds a detail whose `gameSessionInfo.players` lists every player of `tickets`. */
export function detailOf(
  type: MatchmakingEventType,
  tickets: TicketRef[],
  members: Record<string, unknown> = {},
  session: Omit<GameSessionInfo, "players"> = {},
): MatchmakingEventDetail {
  return {
    type,
    tickets,
    ...members,
    gameSessionInfo: { ...session, players: tickets.flatMap((t) => t.players) },
  };
}

/**
 * Wraps `detail` in GameLift's envelope and publishes it to the configuration's NotificationTarget
 * (nothing to publish without one). `customEventData` is added to every event when configured.
 * Delivery is best effort, as in GameLift: a failed publish is dropped, never retried or raised.
 */
export async function publishEvent(
  ctx: EmulatorContext,
  config: ConfigurationRecord,
  detail: MatchmakingEventDetail,
): Promise<MatchmakingEvent> {
  const event: MatchmakingEvent = {
    version: "0",
    id: ctx.ids.uuid(),
    "detail-type": "GameLift Matchmaking Event",
    source: "aws.gamelift",
    account: ctx.accountId,
    time: new Date(ctx.clock.now()).toISOString(),
    region: ctx.region,
    resources: [config.ConfigurationArn],
    detail: config.CustomEventData !== undefined ? { ...detail, customEventData: config.CustomEventData } : detail,
  };
  const target = config.NotificationTarget;
  if (target && ctx.notifyEvent) ctx.notifyEvent(target, event as unknown as Readonly<Record<string, unknown>>);
  else if (target) {
    try {
      await ctx.notify(target, JSON.stringify(event));
    } catch {
      // GameLift drops an event it cannot deliver to the topic; matchmaking itself carries on.
    }
  }
  return event;
}
