import type { Clock } from "../clock.js";
import { ConflictError, OutcomeUnknownError } from "../../errors.js";
import type { PartyPort } from "../party/ports.js";
import type { Player, PlayerAttributeValue } from "../player/types.js";
import { isTerminalTicketStatus } from "../ticket/status.js";
import type { Ticket } from "../ticket/types.js";
import { checkClientAttributes, playerAttributes } from "./attributes.js";
import type { ConfigurationProfile } from "./catalog.js";
import type { GameLiftPort, PlayerLockPort, TicketPort } from "./ports.js";
import { retryAfterMs } from "./view.js";

/** A lock whose ticket was never stored is considered abandoned after this long (crash between writes). */
export const ORPHAN_LOCK_MS = 30_000;

/** Dependencies of {@link startMatchmaking}. */
export interface StartMatchmakingDeps {
  readonly players: PlayerLockPort;
  readonly parties: Pick<PartyPort, "get">;
  readonly tickets: TicketPort;
  readonly gamelift: Pick<GameLiftPort, "startMatchmaking">;
  readonly clock: Clock;
  readonly newTicketId: () => string;
  /** The `skill` sent for a player (the rating mapped to the rule set's scale); default: the stored skill. */
  readonly skillOf?: (player: Player, profile: ConfigurationProfile) => number;
}

/** What the caller asked for (already schema-checked). */
export interface StartMatchmakingInput {
  readonly playerId: string;
  readonly profile: ConfigurationProfile;
  /** The GameLift configuration name the profile resolves to in this stage. */
  readonly configurationName: string;
  readonly latencyInMs?: Readonly<Record<string, number>>;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** Result of a start. */
export interface StartMatchmakingResult {
  readonly ticket: Ticket;
  readonly retryAfterMs: number;
}

/** The active ticket of a member, if it still blocks a new start; else what a take-over expects. */
async function blockingTicket(
  deps: StartMatchmakingDeps,
  player: Player,
  now: number,
): Promise<{ blocking?: string; expected?: string }> {
  const active = player.activeTicketId;
  if (active === undefined) return {};
  const ticket = await deps.tickets.get(active);
  if (ticket && isTerminalTicketStatus(ticket.status)) return { expected: active };
  if (!ticket && now - (player.activeTicketAt ?? 0) > ORPHAN_LOCK_MS) return { expected: active };
  return { blocking: active };
}

/**
 * Starts matchmaking for the caller, or for the caller's party when the caller leads one.
 * Order: lock every member (one conditional write), store the ticket, then StartMatchmaking with
 * the same id; a refused call releases the locks, a call whose outcome is unknown (timeout, 5xx)
 * answers the stored ticket as accepted. Ends of tickets are released lazily: a start that
 * finds a terminal (or orphaned) ticket takes the lock over, conditionally on that very id.
 * @throws ConflictError `ACTIVE_TICKET_EXISTS` (details.ticketId) when a member has an active ticket.
 */
export async function startMatchmaking(
  deps: StartMatchmakingDeps,
  input: StartMatchmakingInput,
): Promise<StartMatchmakingResult> {
  const requested: Readonly<Record<string, PlayerAttributeValue>> = checkClientAttributes(
    input.profile,
    input.attributes ?? {},
    "body.attributes",
  );
  const caller = await deps.players.getOrCreate(input.playerId, deps.clock.now());
  const party = caller.partyId === undefined ? undefined : await deps.parties.get(caller.partyId);
  const leadsParty = party !== undefined && party.leaderId === input.playerId;
  const memberIds = leadsParty ? party.memberIds : [input.playerId];

  for (let attempt = 0; attempt < 3; attempt += 1) {
    const now = deps.clock.now();
    const members = await Promise.all(
      memberIds.map((id) => (id === caller.playerId && attempt === 0 ? caller : deps.players.getOrCreate(id, now))),
    );
    const states = await Promise.all(members.map((m) => blockingTicket(deps, m, now)));
    const blocked = states.find((s) => s.blocking !== undefined);
    if (blocked?.blocking !== undefined) {
      throw new ConflictError("ACTIVE_TICKET_EXISTS", "A player already has an active matchmaking ticket", {
        details: { ticketId: blocked.blocking },
      });
    }
    const ticketId = deps.newTicketId();
    try {
      await deps.players.claimActiveTicket(
        ticketId,
        members.map((m, i) => ({
          playerId: m.playerId,
          ...(states[i]?.expected === undefined ? {} : { expected: states[i]?.expected }),
        })),
        now,
      );
    } catch (err) {
      // Lost a race: re-read, and report the winner's ticket on the next pass.
      if (err instanceof ConflictError) continue;
      throw err;
    }
    let ticket: Ticket | undefined;
    try {
      ticket = await deps.tickets.create({
        ticketId,
        configurationName: input.configurationName,
        playerIds: memberIds,
        players: {},
        ...(leadsParty ? { partyId: party.partyId } : {}),
        acceptanceRequired: input.profile.acceptanceRequired,
        createdAt: now,
      });
      const started = await deps.gamelift.startMatchmaking({
        ticketId,
        configurationName: input.configurationName,
        players: members.map((m) => ({
          playerId: m.playerId,
          attributes: playerAttributes(
            input.profile,
            m,
            requested,
            deps.skillOf && ((p) => deps.skillOf?.(p, input.profile) ?? p.skill),
          ),
          ...(m.playerId === input.playerId && input.latencyInMs !== undefined
            ? { latencyInMs: input.latencyInMs }
            : {}),
        })),
      });
      const stored = { ...ticket, status: started.status };
      return { ticket: stored, retryAfterMs: retryAfterMs(stored, now) };
    } catch (err) {
      // GameLift may have started the ticket (timeout, 5xx): that is not a failure. The ticket is
      // stored under the id we sent, so answer it as accepted and keep the locks; its events or the
      // reconciler (DescribeMatchmaking) settle it, and a retried request finds it as the active one.
      if (err instanceof OutcomeUnknownError && ticket !== undefined)
        return { ticket, retryAfterMs: retryAfterMs(ticket, now) };
      // A definite refusal: the stored ticket is left for the reconciler (GameLift never knew it, so
      // it ends UNKNOWN_TO_GAMELIFT); nobody is blocked meanwhile: the locks are released.
      await deps.players.releaseActiveTicket(ticketId, memberIds);
      throw err;
    }
  }
  throw new ConflictError("ACTIVE_TICKET_EXISTS", "A concurrent matchmaking start is in progress", { details: {} });
}
