/**
 * Ports the matchmaking and placement use cases depend on. Adapters (DynamoDB repositories, the
 * GameLift gateway) implement them; tests may pass in-memory fakes.
 */
import type { PlayerPort } from "../player/ports.js";
import type { PlayerAttributeValue } from "../player/types.js";
import type { NewPlacement, Placement } from "../placement/types.js";
import type { NewTicket, Ticket, TicketStatus } from "../ticket/types.js";

/** One player of a StartMatchmaking call. */
export interface MatchmakingPlayerInput {
  readonly playerId: string;
  readonly attributes: Readonly<Record<string, PlayerAttributeValue>>;
  /** Region → latency in ms. */
  readonly latencyInMs?: Readonly<Record<string, number>>;
}

/** Input of {@link GameLiftPort.startPlacement}. */
export interface PlacementInput {
  readonly placementId: string;
  readonly queueName: string;
  readonly maximumPlayerSessionCount: number;
  readonly gameSessionName?: string;
  readonly gameProperties?: Readonly<Record<string, string>>;
  /** Per player: region → latency in ms. */
  readonly playerLatencies?: readonly { playerId: string; regionIdentifier: string; latencyInMs: number }[];
  /** Player sessions to create once fulfilled. */
  readonly playerIds: readonly string[];
}

/**
 * The GameLift operations the API calls. Implementations throw core errors only:
 * ThrottledError, UnavailableError, NotFoundError, ConflictError (for InvalidRequestException,
 * with the code given per operation).
 */
export interface GameLiftPort {
  startMatchmaking(input: {
    readonly ticketId: string;
    readonly configurationName: string;
    readonly players: readonly MatchmakingPlayerInput[];
  }): Promise<{ readonly status: TicketStatus }>;
  /** Ends a ticket; ConflictError `TICKET_PLACING` while the match is being placed. */
  stopMatchmaking(ticketId: string): Promise<void>;
  /** Answers for these players; ConflictError `NOT_AWAITING_ACCEPTANCE` outside REQUIRES_ACCEPTANCE. */
  acceptMatch(input: {
    readonly ticketId: string;
    readonly playerIds: readonly string[];
    readonly accept: boolean;
  }): Promise<void>;
  startPlacement(input: PlacementInput): Promise<void>;
  /** Cancels a pending placement; ConflictError `PLACEMENT_NOT_PENDING` once it has a session. */
  stopPlacement(placementId: string): Promise<void>;
}

/** Ticket storage the API needs (implemented by the other engineer's TicketRepository). */
export interface TicketPort {
  /** Stores a new ticket; throws when one with the id exists. */
  create(ticket: NewTicket): Promise<Ticket>;
  /** Reads a ticket; `undefined` when none is stored. */
  get(ticketId: string): Promise<Ticket | undefined>;
}

/** Placement storage the API needs (implemented by the other engineer's PlacementRepository). */
export interface PlacementPort {
  create(placement: NewPlacement): Promise<Placement>;
  get(placementId: string): Promise<Placement | undefined>;
}

/** Player storage the start needs. */
export interface PlayerLockPort extends Pick<PlayerPort, "getOrCreate"> {
  claimActiveTicket(
    ticketId: string,
    claims: readonly { playerId: string; expected?: string }[],
    now: number,
  ): Promise<void>;
  releaseActiveTicket(ticketId: string, playerIds: readonly string[]): Promise<void>;
}
