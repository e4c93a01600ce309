import { applyPatch, eventGuard, guardAllows, playersKey, type GuardState, type Patch } from "../events/guard.js";
import type { PlacementEvent } from "../events/types.js";
import { isTerminalPlacementStatus, placementStatusRank, type Placement } from "./types.js";

/** The guard view of a stored placement. */
export function placementGuardState(p: Placement): GuardState {
  const key = playersKey(p.playerIds);
  return {
    rank: placementStatusRank(p.status),
    eventIds: p.eventIds,
    ...(p.eventAt === undefined ? {} : { eventAt: p.eventAt }),
    ...(key === undefined ? {} : { playersKey: key }),
  };
}

/** The change a placement event makes, from the event alone (see `ticketPatch`). */
export function placementPatch(event: PlacementEvent, now: number): Patch<Placement> {
  const set: Partial<Record<keyof Placement, unknown>> = {
    status: event.status,
    heardAt: now,
    updatedAt: now,
    ...(event.playerIds.length > 0 ? { players: event.players, playerIds: event.playerIds } : {}),
    connection: event.connection,
    gameSessionRegion: event.gameSessionRegion,
    reason: event.reason,
  };
  const setIfNotExists: Partial<Record<keyof Placement, unknown>> = {
    placementId: event.placementId,
    queueName: event.queueName,
    createdAt: event.startTime ?? event.time,
    playerIds: event.playerIds,
    players: {},
  };
  return {
    // Placement ids are minted by the API, which stores the item first: an event never creates one.
    guard: eventGuard(event, placementStatusRank(event.status), {
      create: false,
      ...(event.type === "ObservedStatus" ? {} : { playerIds: event.playerIds }),
    }),
    terminal: isTerminalPlacementStatus(event.status),
    set: set as Partial<Placement>,
    setIfNotExists: setIfNotExists as Partial<Placement>,
    remove: [],
  };
}

/** The pure placement state machine; `undefined` = no-op. See `foldTicket`. */
export function foldPlacement(state: Placement | undefined, event: PlacementEvent, now: number): Placement | undefined {
  const patch = placementPatch(event, now);
  if (!guardAllows(state === undefined ? undefined : placementGuardState(state), patch.guard)) return undefined;
  return applyPatch<Placement>(state, patch);
}
