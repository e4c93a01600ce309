import type {
  DashboardEvent,
  DashboardView,
  FaultsView,
  FleetView,
  GameSessionView,
  LogLine,
  MatchView,
  PlacementView,
  ReportView,
  TicketView,
} from "./types.js";

/** Ticket statuses in the order the chart stacks them (GameLift's `MatchmakingTicket.Status`). */
const CHART_STATUSES = [
  "QUEUED",
  "SEARCHING",
  "REQUIRES_ACCEPTANCE",
  "PLACING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMED_OUT",
] as const;

const MAX_TICKETS = 5_000;
const SHOWN_TICKETS = 200;
const SHOWN_MATCHES = 50;
const SHOWN_PLACEMENTS = 50;
const MAX_POINTS = 600;
const MAX_LOG = 200;

/** What the capacity reader last saw. */
export interface CapacitySnapshot {
  readonly fleets: readonly FleetView[];
  readonly gameSessions: readonly GameSessionView[];
  readonly error?: string;
}

/**
 * Folds what the bus reports into the bounded view the page shows: the latest state of each ticket
 * and placement, ticket counts per status over time, the matches they form, the event log. Pure
 * bookkeeping: it decides nothing about tickets, it only records what the stage did.
 */
export class DashboardModel {
  readonly #tickets = new Map<string, TicketView>();
  readonly #placements = new Map<string, PlacementView>();
  readonly #attributes = new Map<string, string>();
  readonly #expansions = new Map<string, string>();
  readonly #series: number[][] = [];
  readonly #log: LogLine[] = [];
  readonly #totals: Record<LogLine["kind"], number> = {
    notification: 0,
    delivered: 0,
    retrying: 0,
    deadLettered: 0,
    reconcile: 0,
    redrive: 0,
  };
  #capacity: CapacitySnapshot = { fleets: [], gameSessions: [] };
  #deadLetters: DashboardView["deadLetters"] = [];
  #faults: FaultsView = { sns: {}, gamelift: {} };
  #reports: readonly ReportView[] = [];
  #version = 0;

  /** Grows with every change; the server pushes when it moved. */
  public get version(): number {
    return this.#version;
  }

  /** Records one bus event. */
  public apply(e: DashboardEvent): void {
    this.#version += 1;
    switch (e.kind) {
      case "ticket": {
        const known = this.#tickets.get(e.ticket.ticketId);
        if (known && known.updatedAt > e.ticket.updatedAt) return; // a stale stream record changes nothing
        this.#tickets.delete(e.ticket.ticketId);
        this.#tickets.set(e.ticket.ticketId, e.ticket);
        if (this.#tickets.size > MAX_TICKETS) this.#tickets.delete(this.#tickets.keys().next().value as string);
        this.#sample(e.at);
        return;
      }
      case "placement":
        this.#placements.delete(e.placement.placementId);
        this.#placements.set(e.placement.placementId, e.placement);
        if (this.#placements.size > SHOWN_PLACEMENTS)
          this.#placements.delete(this.#placements.keys().next().value as string);
        return;
      case "notification":
        if (e.matchId && e.expansion) {
          this.#expansions.set(e.matchId, e.expansion);
          if (this.#expansions.size > MAX_TICKETS)
            this.#expansions.delete(this.#expansions.keys().next().value as string);
        }
        this.#line(
          e.at,
          "notification",
          `${e.type} on ${e.topic}${e.matchId ? ` match ${e.matchId}` : ""} (${e.ticketIds.length} tickets)`,
        );
        return;
      case "delivery": {
        const what = `${e.messageId} → ${e.endpoint} (${e.topic}) attempt ${e.attempt}`;
        this.#line(e.at, e.outcome, e.error ? `${what}: ${e.error}` : what);
        return;
      }
      case "reconcile":
        this.#line(
          e.at,
          "reconcile",
          e.error ? `failed after ${e.durationMs} ms: ${e.error}` : `${e.summary} (${e.durationMs} ms)`,
        );
        return;
      case "redrive":
        this.#line(e.at, "redrive", `${e.count} dead letters redriven`);
        return;
    }
  }

  /** Player attributes as shown beside a player in a match (`skill 1000, mode ranked`). */
  public setAttributes(playerId: string, text: string): void {
    this.#attributes.set(playerId, text);
    this.#version += 1;
  }

  /** Players of formed matches whose attributes are not known yet. */
  public playersWithoutAttributes(): { ticketId: string; playerId: string }[] {
    return [...this.#tickets.values()]
      .filter((t) => t.matchId)
      .flatMap((t) =>
        t.playerIds.filter((p) => !this.#attributes.has(p)).map((playerId) => ({ ticketId: t.ticketId, playerId })),
      );
  }

  public setCapacity(capacity: CapacitySnapshot): void {
    if (JSON.stringify(capacity) === JSON.stringify(this.#capacity)) return;
    this.#capacity = capacity;
    this.#version += 1;
  }

  /** The last capacity read failed: the figures shown stay, marked with the error. */
  public setCapacityError(error: string): void {
    this.setCapacity({ fleets: this.#capacity.fleets, gameSessions: this.#capacity.gameSessions, error });
  }

  public setDeadLetters(letters: DashboardView["deadLetters"]): void {
    if (letters.length === this.#deadLetters.length && letters.every((l, i) => l.id === this.#deadLetters[i]?.id))
      return;
    this.#deadLetters = letters;
    this.#version += 1;
  }

  public setFaults(faults: FaultsView): void {
    if (JSON.stringify(faults) === JSON.stringify(this.#faults)) return;
    this.#faults = faults;
    this.#version += 1;
  }

  public setReports(reports: readonly ReportView[]): void {
    if (JSON.stringify(reports) === JSON.stringify(this.#reports)) return;
    this.#reports = reports;
    this.#version += 1;
  }

  /** The view to push. */
  public view(now: number): DashboardView {
    const tickets = [...this.#tickets.values()];
    return {
      now,
      statuses: CHART_STATUSES,
      series: this.#series,
      tickets: tickets.slice(-SHOWN_TICKETS).reverse(),
      matches: this.#matches(tickets),
      placements: [...this.#placements.values()].reverse(),
      fleets: this.#capacity.fleets,
      gameSessions: this.#capacity.gameSessions,
      ...(this.#capacity.error ? { capacityError: this.#capacity.error } : {}),
      totals: { ...this.#totals },
      log: [...this.#log].reverse(),
      deadLetters: this.#deadLetters,
      faults: this.#faults,
      reports: this.#reports,
    };
  }

  /** Matches are the tickets that share a `matchId`; the latest ticket write tells the match's state. */
  #matches(tickets: readonly TicketView[]): MatchView[] {
    const byMatch = new Map<string, TicketView[]>();
    for (const t of tickets) if (t.matchId) byMatch.set(t.matchId, [...(byMatch.get(t.matchId) ?? []), t]);
    return [...byMatch.entries()]
      .map(([matchId, members]): MatchView => {
        const latest = members.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
        const gameSession = members.find((m) => m.gameSession)?.gameSession;
        const expansion = this.#expansions.get(matchId);
        return {
          matchId,
          ...(expansion ? { expansion } : {}),
          formedAt: Math.min(...members.map((m) => m.updatedAt)),
          status: latest.status,
          ...(gameSession ? { gameSession } : {}),
          players: members
            .flatMap((m) =>
              m.playerIds.map((playerId) => ({
                playerId,
                team: m.teams[playerId] ?? "",
                attributes: this.#attributes.get(playerId) ?? "",
              })),
            )
            .sort((a, b) => a.team.localeCompare(b.team) || a.playerId.localeCompare(b.playerId)),
        };
      })
      .sort((a, b) => b.formedAt - a.formedAt)
      .slice(0, SHOWN_MATCHES);
  }

  /** One point per change, merged into the previous one when it is less than 250 ms old. */
  #sample(at: number): void {
    const counts = CHART_STATUSES.map(() => 0);
    for (const t of this.#tickets.values()) {
      const i = CHART_STATUSES.indexOf(t.status as (typeof CHART_STATUSES)[number]);
      if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
    }
    const t = at / 1000;
    const last = this.#series.at(-1);
    if (last && t - (last[0] ?? 0) < 0.25) this.#series[this.#series.length - 1] = [last[0] ?? t, ...counts];
    else this.#series.push([t, ...counts]);
    if (this.#series.length > MAX_POINTS) this.#series.shift();
  }

  #line(at: number, kind: LogLine["kind"], text: string): void {
    this.#totals[kind] += 1;
    this.#log.push({ at, kind, text });
    if (this.#log.length > MAX_LOG) this.#log.shift();
  }
}
