import { NotFoundError } from "../../errors.js";
import { readCurrentTicket } from "../matchmaking/readTicket.js";
import { retryAfterMs, ticketView } from "../matchmaking/view.js";
import type { PlacementPort, TicketPort } from "../matchmaking/ports.js";
import type { PartyPort } from "../party/ports.js";
import type { PlayerPort } from "../player/ports.js";
import { partyView } from "../party/service.js";
import { placementRetryAfterMs, placementView } from "../placement-request/service.js";

/** What a resync reads. */
export interface ResyncDeps {
  readonly players: Pick<PlayerPort, "get">;
  readonly tickets: Pick<TicketPort, "get">;
  readonly placements: Pick<PlacementPort, "get">;
  readonly parties: Pick<PartyPort, "get">;
}

/** The answer to a client's `resync`: each part as its GET route returns it, null when the player has none. */
export interface ResyncState {
  readonly ticket: Record<string, unknown> | null;
  readonly placement: Record<string, unknown> | null;
  readonly party: Record<string, unknown> | null;
}

/**
 * Everything that is the player's right now: their current ticket, latest placement and party,
 * exactly as the REST API would return them to this player.
 * @example const { ticket } = await resyncState(deps, "p1", Date.now());
 */
export async function resyncState(deps: ResyncDeps, playerId: string, now: number): Promise<ResyncState> {
  const player = await deps.players.get(playerId);
  const [ticket, placement, party] = await Promise.all([
    readCurrentTicket({ players: { get: async () => player }, tickets: deps.tickets }, playerId).catch(
      (err: unknown) => {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      },
    ),
    player?.lastPlacementId === undefined ? undefined : deps.placements.get(player.lastPlacementId),
    player?.partyId === undefined ? undefined : deps.parties.get(player.partyId),
  ]);
  return {
    ticket: ticket === undefined ? null : { ...ticketView(ticket, playerId), retryAfterMs: retryAfterMs(ticket, now) },
    placement:
      placement === undefined || !placement.playerIds.includes(playerId)
        ? null
        : { ...placementView(placement, playerId), retryAfterMs: placementRetryAfterMs(placement, now) },
    party: party === undefined || !party.memberIds.includes(playerId) ? null : partyView(party),
  };
}
