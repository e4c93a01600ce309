/**
 * The read path of the polled routes: one eventually consistent read, and a strongly consistent
 * retry only when that read may have missed the caller's own recent write.
 *
 * DynamoDB's eventually consistent reads may lag a write by a short time (usually well under a
 * second). So a ticket, party or placement the caller created or joined a moment ago can be missing
 * (or not list the caller yet) in the first read. When that happens the caller's own profile is read
 * strongly consistent: if it names the item (`activeTicketId`, `partyId`, `lastPlacementId` or a live
 * placement slot), the item is read once more, strongly consistent. Any other miss is a plain 404.
 */
import { NotFoundError } from "../errors.js";
import { canSeeTicket } from "./matchmaking/view.js";
import { isMember, type Party } from "./party/types.js";
import type { Placement } from "./placement/types.js";
import type { Player } from "./player/types.js";
import type { Ticket } from "./ticket/types.js";

/** `"eventual"`: half the read cost, may lag recent writes; `"strong"`: sees every acknowledged write. */
export type ReadConsistency = "eventual" | "strong";

/** A store read with a chosen consistency. */
export interface ConsistentGet<T> {
  get(id: string, consistency?: ReadConsistency): Promise<T | undefined>;
}

/** What the polled reads need: the item stores and the caller's profile. */
export interface PollDeps {
  readonly players: ConsistentGet<Player>;
}

/**
 * Reads `id` eventually consistent; when the item is missing or does not show the caller, and the
 * caller's profile (read strongly consistent) says it is theirs, reads it once strongly consistent.
 */
async function readOwn<T>(
  store: ConsistentGet<T>,
  players: ConsistentGet<Player>,
  id: string,
  playerId: string,
  visible: (item: T) => boolean,
  claimedBy: (player: Player) => boolean,
): Promise<T | undefined> {
  const item = await store.get(id, "eventual");
  if (item !== undefined && visible(item)) return item;
  const player = await players.get(playerId, "strong");
  if (player === undefined || !claimedBy(player)) return undefined;
  const fresh = await store.get(id, "strong");
  return fresh !== undefined && visible(fresh) ? fresh : undefined;
}

/**
 * The ticket if the caller is on it (GET /v1/matchmaking/{ticketId}): one eventually consistent read.
 * @throws NotFoundError for an unknown ticket and for one the caller is not on.
 */
export async function pollTicket(
  deps: PollDeps & { readonly tickets: ConsistentGet<Ticket> },
  ticketId: string,
  playerId: string,
): Promise<Ticket> {
  const ticket = await readOwn(
    deps.tickets,
    deps.players,
    ticketId,
    playerId,
    (t) => canSeeTicket(t, playerId),
    (p) => p.activeTicketId === ticketId,
  );
  if (ticket === undefined) throw new NotFoundError("No such matchmaking ticket");
  return ticket;
}

/**
 * The caller's current ticket (GET /v1/matchmaking/current): the profile and the ticket it names,
 * both eventually consistent (a ticket started a moment ago may not be named yet: 404, as before
 * the start; the start's reply carries the ticketId).
 * @throws NotFoundError when the player has none.
 */
export async function pollCurrentTicket(
  deps: PollDeps & { readonly tickets: ConsistentGet<Ticket> },
  playerId: string,
): Promise<Ticket> {
  const player = await deps.players.get(playerId, "eventual");
  const ticketId = player?.activeTicketId;
  if (ticketId === undefined) throw new NotFoundError("No current matchmaking ticket");
  // The profile names the ticket, so a miss can only be replication lag: retry strongly.
  const ticket = (await deps.tickets.get(ticketId, "eventual")) ?? (await deps.tickets.get(ticketId, "strong"));
  if (ticket === undefined || !canSeeTicket(ticket, playerId)) throw new NotFoundError("No current matchmaking ticket");
  return ticket;
}

/**
 * The party, for its members (GET /v1/parties/{partyId}).
 * @throws NotFoundError when the caller is not a member.
 */
export async function pollParty(
  deps: PollDeps & { readonly parties: ConsistentGet<Party> },
  partyId: string,
  playerId: string,
): Promise<Party> {
  const party = await readOwn(
    deps.parties,
    deps.players,
    partyId,
    playerId,
    (p) => isMember(p, playerId),
    (p) => p.partyId === partyId,
  );
  if (party === undefined) throw new NotFoundError("No such party");
  return party;
}

/**
 * The placement, for the players on it (GET /v1/placements/{placementId}).
 * @throws NotFoundError when the caller is not on it.
 */
export async function pollPlacement(
  deps: PollDeps & { readonly placements: ConsistentGet<Placement> },
  placementId: string,
  playerId: string,
): Promise<Placement> {
  const placement = await readOwn(
    deps.placements,
    deps.players,
    placementId,
    playerId,
    (p) => p.playerIds.includes(playerId),
    (p) =>
      p.lastPlacementId === placementId ||
      (p.activePlacements ?? []).some((slot) => slot.startsWith(`${placementId}@`)),
  );
  if (placement === undefined) throw new NotFoundError("No such placement");
  return placement;
}

/**
 * The caller's profile (GET /v1/players/me) without writing: `undefined` for a player never seen
 * (the route answers with the defaults; the profile is stored by the first write). A miss is retried
 * strongly consistent once, so a profile written a moment ago is seen.
 */
export async function pollProfile(deps: PollDeps, playerId: string): Promise<Player | undefined> {
  return (await deps.players.get(playerId, "eventual")) ?? (await deps.players.get(playerId, "strong"));
}
