/**
 * What the dashboard observes (bus events) and what it pushes to the browser (the view). The browser
 * code imports these types only, so they hold plain data and no Node imports.
 */

/** A ticket as the dashboard shows it (from the table's stream). */
export interface TicketView {
  readonly ticketId: string;
  readonly status: string;
  readonly playerIds: readonly string[];
  /** Team per player, once a match is proposed. */
  readonly teams: Readonly<Record<string, string>>;
  readonly matchId?: string;
  readonly reason?: string;
  /** `ipAddress:port` of the game session, once placed. */
  readonly gameSession?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A queue placement (from the table's stream). */
export interface PlacementView {
  readonly placementId: string;
  readonly queueName: string;
  readonly status: string;
  readonly playerIds: readonly string[];
  readonly gameSession?: string;
  readonly reason?: string;
  readonly updatedAt: number;
}

/** One fleet location's capacity and utilisation (DescribeFleetLocationCapacity / DescribeFleetLocationUtilization). */
export interface FleetView {
  readonly fleetId: string;
  readonly location: string;
  readonly desired: number;
  readonly active: number;
  readonly idle: number;
  readonly pending: number;
  readonly activeGameSessions: number;
  readonly currentPlayers: number;
  readonly maxPlayers: number;
}

/** A game session (DescribeGameSessions). */
export interface GameSessionView {
  readonly gameSessionId: string;
  readonly fleetId: string;
  readonly location: string;
  readonly status: string;
  readonly players: number;
  readonly maxPlayers: number;
  readonly address: string;
}

/** The fault knobs of both sides (`GET <sns>/local/faults`, `GET <gamelift>/local/faults`). */
export interface FaultsView {
  readonly sns: Readonly<Record<string, number>>;
  readonly gamelift: Readonly<Record<string, number>>;
}

/** Something that happened on the event path. */
export type DashboardEvent =
  | { readonly kind: "ticket"; readonly at: number; readonly ticket: TicketView }
  | { readonly kind: "placement"; readonly at: number; readonly placement: PlacementView }
  | {
      readonly kind: "notification";
      readonly at: number;
      readonly topic: string;
      readonly type: string;
      readonly ticketIds: readonly string[];
      readonly matchId?: string;
      /** For a proposed match: the rule-set expansion step it was formed at. */
      readonly expansion?: string;
    }
  | {
      readonly kind: "delivery";
      readonly at: number;
      readonly outcome: "delivered" | "retrying" | "deadLettered";
      readonly messageId: string;
      readonly topic: string;
      readonly endpoint: string;
      readonly attempt: number;
      readonly error?: string;
    }
  | {
      readonly kind: "reconcile";
      readonly at: number;
      readonly durationMs: number;
      readonly summary: string;
      readonly error?: string;
    }
  | { readonly kind: "redrive"; readonly at: number; readonly count: number };

/** A line of the event log. */
export interface LogLine {
  readonly at: number;
  readonly kind: "notification" | "delivered" | "retrying" | "deadLettered" | "reconcile" | "redrive";
  readonly text: string;
}

/** A match formed: its players by team, with the attributes they were matched on. */
export interface MatchView {
  readonly matchId: string;
  readonly formedAt: number;
  readonly status: string;
  readonly gameSession?: string;
  /** The rule-set expansion step the match was made at (from its tickets' ages when FlexMatch proposed it). */
  readonly expansion?: string;
  readonly players: readonly { readonly playerId: string; readonly team: string; readonly attributes: string }[];
}

/** A `matchplace simulate` HTML report in `.matchplace/`. */
export interface ReportView {
  readonly name: string;
  readonly bytes: number;
  readonly modifiedAt: number;
}

/** Everything the page shows; pushed whole (it is bounded) whenever it changed. */
export interface DashboardView {
  readonly now: number;
  readonly statuses: readonly string[];
  /** Tickets per status over time: `[t, ...counts in statuses order]`. */
  readonly series: readonly (readonly number[])[];
  readonly tickets: readonly TicketView[];
  readonly matches: readonly MatchView[];
  readonly placements: readonly PlacementView[];
  readonly fleets: readonly FleetView[];
  readonly gameSessions: readonly GameSessionView[];
  /** Set when the last capacity read failed (the emulator may be throttling). */
  readonly capacityError?: string;
  readonly totals: Readonly<Record<LogLine["kind"], number>>;
  readonly log: readonly LogLine[];
  readonly deadLetters: readonly {
    readonly id: string;
    readonly messageId: string;
    readonly error: string;
    readonly failedAt: string;
  }[];
  readonly faults: FaultsView;
  readonly reports: readonly ReportView[];
}
