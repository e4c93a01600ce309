import { ManualClock } from "../../../src/clock/Clock.js";
import { createMatchmakingEngine } from "../../../src/engines/matchmaking/engine.js";
import type { MatchmakingEvent } from "../../../src/engines/matchmaking/events.js";
import { flexMatcher } from "../../../src/engines/matchmaking/matcher.js";
import type {
  MatchPlacementRequest,
  MatchPlacer,
  PlacedSession,
  PlacementProgress,
} from "../../../src/engines/matchmaking/placer.js";
import { matchmakingOperations } from "../../../src/operations/matchmaking/index.js";
import type { EmulatorContext } from "../../../src/engines/context.js";
import { Store } from "../../../src/store/Store.js";
import { sequentialIds } from "../../helpers.js";

/** The topic configurations in these tests notify. */
export const topic = "arn:aws:sns:us-east-1:123456789012:matchmaking-events";

/** A 1v1 rule set: two teams of exactly one player, no rules. */
export const duelRuleSet = JSON.stringify({
  ruleLanguageVersion: "1.0",
  playerAttributes: [{ name: "skill", type: "number", default: 1000 }],
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 1 },
    { name: "blue", minPlayers: 1, maxPlayers: 1 },
  ],
});

/** Two teams of two: parties of two fit one team. */
export const squadRuleSet = JSON.stringify({
  ruleLanguageVersion: "1.0",
  playerAttributes: [{ name: "skill", type: "number", default: 1000 }],
  teams: [
    { name: "red", minPlayers: 2, maxPlayers: 2 },
    { name: "blue", minPlayers: 2, maxPlayers: 2 },
  ],
});

/** Teams that may start at one player each but hold up to three (room for backfill). */
export const openRuleSet = JSON.stringify({
  ruleLanguageVersion: "1.0",
  playerAttributes: [{ name: "skill", type: "number", default: 1000 }],
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 2 },
    { name: "blue", minPlayers: 1, maxPlayers: 2 },
  ],
});

/** An in-memory stand-in for the platform's queue placements, driven by the test. */
class FakePlacer implements MatchPlacer {
  public readonly requests: MatchPlacementRequest[] = [];
  public readonly joins: { gameSessionArn: string; playerIds: string[]; matchmakerData: string }[] = [];
  public readonly matchmakerData = new Map<string, string>();
  public readonly live = new Set<string>();
  readonly #progress = new Map<string, PlacementProgress>();
  #sessions = 0;

  public start(_ctx: EmulatorContext, request: MatchPlacementRequest): void {
    this.requests.push(request);
    this.#progress.set(request.placementId, { status: "PENDING" });
  }

  public progress(_ctx: EmulatorContext, placementId: string): PlacementProgress {
    return this.#progress.get(placementId) ?? { status: "FAILED" };
  }

  /** Fulfils a placement: a session at 127.0.0.1 with one psess per player. */
  public fulfill(placementId: string): PlacedSession {
    const request = this.requests.find((r) => r.placementId === placementId);
    if (!request) throw new Error(`no placement ${placementId}`);
    const n = ++this.#sessions;
    const session: PlacedSession = {
      gameSessionArn: `arn:aws:gamelift:us-east-1::gamesession/fleet-1/gs-${n}`,
      ipAddress: "127.0.0.1",
      dnsName: `gs-${n}.local`,
      port: 7000 + n,
      playerSessions: request.players.map((p) => ({ playerId: p.playerId, playerSessionId: `psess-${p.playerId}` })),
    };
    this.live.add(session.gameSessionArn);
    this.matchmakerData.set(session.gameSessionArn, request.matchmakerData);
    this.#progress.set(placementId, { status: "FULFILLED", session });
    return session;
  }

  public finish(placementId: string, status: "TIMED_OUT" | "FAILED" | "CANCELLED"): void {
    this.#progress.set(placementId, { status });
  }

  public join(
    _ctx: EmulatorContext,
    gameSessionArn: string,
    playerIds: string[],
    matchmakerData: string,
  ): PlacedSession {
    if (!this.live.has(gameSessionArn)) throw new Error(`Game session ${gameSessionArn} is not active.`);
    this.joins.push({ gameSessionArn, playerIds, matchmakerData });
    this.matchmakerData.set(gameSessionArn, matchmakerData);
    return {
      gameSessionArn,
      ipAddress: "127.0.0.1",
      dnsName: "backfilled.local",
      port: 7000,
      playerSessions: playerIds.map((playerId) => ({ playerId, playerSessionId: `psess-${playerId}` })),
    };
  }

  public updateMatchmakerData(_ctx: EmulatorContext, gameSessionArn: string, matchmakerData: string): void {
    this.matchmakerData.set(gameSessionArn, matchmakerData);
  }

  public isLive(_ctx: EmulatorContext, gameSessionArn: string): boolean {
    return this.live.has(gameSessionArn);
  }
}

/** A matchmaking world on a ManualClock: ops, ticks, and every published event. */
export class Harness {
  public readonly clock = new ManualClock(Date.parse("2026-01-01T00:00:00.000Z"));
  public readonly placer = new FakePlacer();
  public readonly published: { topic: string; event: MatchmakingEvent }[] = [];
  public readonly ctx: EmulatorContext;
  /** Runs while an event is being published (the engine awaits it), e.g. to race an API call. */
  public onEvent?: (event: MatchmakingEvent) => void | Promise<void>;
  readonly #engine = createMatchmakingEngine({ matcher: flexMatcher, placer: this.placer });

  public constructor() {
    this.ctx = {
      store: new Store(),
      clock: this.clock,
      ids: sequentialIds(),
      region: "us-east-1",
      accountId: "123456789012",
      notify: (topicArn, message) => {
        const event = JSON.parse(message) as MatchmakingEvent;
        this.published.push({ topic: topicArn, event });
        return this.onEvent?.(event);
      },
    };
  }

  /** Calls a matchmaking operation by name. */
  public async call(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const op = matchmakingOperations[operation];
    if (!op) throw new Error(`no operation ${operation}`);
    return op(input, this.ctx);
  }

  /** Advances the clock by `ms`, then runs one engine tick. */
  public async tick(ms = 0): Promise<void> {
    if (ms > 0) this.clock.advance(ms);
    await this.#engine.tick(this.ctx);
  }

  /** A rule set and a configuration named `cfg` notifying {@link topic}. */
  public async setUp(ruleSetBody: string, config: Record<string, unknown> = {}): Promise<void> {
    await this.call("CreateMatchmakingRuleSet", { Name: "rules", RuleSetBody: ruleSetBody });
    await this.call("CreateMatchmakingConfiguration", {
      Name: "cfg",
      RuleSetName: "rules",
      RequestTimeoutSeconds: 60,
      AcceptanceRequired: false,
      FlexMatchMode: "STANDALONE",
      NotificationTarget: topic,
      ...config,
    });
  }

  /** Starts a ticket for players (a party when more than one). */
  public async start(ticketId: string, ...playerIds: string[]): Promise<void> {
    await this.call("StartMatchmaking", {
      TicketId: ticketId,
      ConfigurationName: "cfg",
      Players: playerIds.map((PlayerId) => ({ PlayerId })),
    });
  }

  /** A ticket as DescribeMatchmaking returns it. */
  public async ticket(ticketId: string): Promise<Record<string, unknown>> {
    const out = await this.call("DescribeMatchmaking", { TicketIds: [ticketId] });
    const list = out.TicketList as Record<string, unknown>[];
    const t = list[0];
    if (!t) throw new Error(`ticket ${ticketId} not found`);
    return t;
  }

  /** Published event details, optionally of one type. */
  public events(type?: string): MatchmakingEvent["detail"][] {
    return this.published.map((p) => p.event.detail).filter((d) => type === undefined || d.type === type);
  }

  /** Event types in publication order. */
  public eventTypes(): string[] {
    return this.published.map((p) => p.event.detail.type);
  }
}
