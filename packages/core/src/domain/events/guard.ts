/**
 * The one ordering rule shared by tickets and placements. The DynamoDB adapter writes the same rule
 * as a ConditionExpression; keep the two in step (the property test checks they agree).
 *
 *   apply ⇔ (no item ∧ event may create it)
 *         ∨ ( same players (when both sides name them)          -- a forged player list changes nothing
 *           ∧ rank(stored) < TERMINAL_RANK                  -- terminal states absorb
 *             ∧ ( event is terminal                          -- a terminal event always lands
 *                 ∨ ( id ∉ stored.eventIds                   -- duplicates change nothing
 *                     ∧ ( stored has no event time
 *                         ∨ stored.eventAt < event.time      -- newer wins (re-entry to SEARCHING is legal)
 *                         ∨ (stored.eventAt = event.time ∧ rank(stored) ≤ event.rank) ) ) ) )
 */

/**
 * Rank shared by all terminal states, of tickets and placements alike (the one terminal-rank
 * constant: status ranks, the guard and the DynamoDB condition all read it).
 */
export const TERMINAL_RANK = 9;

/** What the guard needs to know about the event. */
export interface Guard {
  /** Rank of the status the event moves to. */
  readonly rank: number;
  /** Event time, epoch ms. */
  readonly time: number;
  /** Envelope id to dedupe on; absent for reconcile observations and terminal events (terminal absorbs). */
  readonly eventId?: string;
  /** Whether the event may create a missing item (default true). */
  readonly create?: boolean;
  /** {@link playersKey} of the players the event names; absent when it names none. */
  readonly playersKey?: string;
}

/** How many event ids an item remembers: a fixed window of slots, so the item stays bounded. */
export const EVENT_ID_SLOTS = 20;

/** The slot (0..{@link EVENT_ID_SLOTS}-1) an event id is remembered in: FNV-1a of the id. */
export function eventIdSlot(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % EVENT_ID_SLOTS;
}

/**
 * Remembers `id` in its slot, forgetting the id that held the slot: at most {@link EVENT_ID_SLOTS}
 * ids, listed in slot order. Dedupe of an id only ever looks at its own slot, so DynamoDB checks it
 * with one attribute comparison (`eventIdNN <> :id`) and never reads or trims a list.
 */
export function rememberEventId(ids: readonly string[], id: string): string[] {
  const slot = eventIdSlot(id);
  return [...ids.filter((x) => eventIdSlot(x) !== slot), id].sort((a, b) => eventIdSlot(a) - eventIdSlot(b));
}

/** A canonical key of a set of player ids (order-free), compared to refuse events naming other players. */
export function playersKey(playerIds: readonly string[]): string | undefined {
  return playerIds.length === 0 ? undefined : JSON.stringify([...new Set(playerIds)].sort());
}

/**
 * The guard of an event moving an item to a status of `rank`. A terminal state absorbs every later
 * event, so a terminal event's own id is not remembered; observations (`dedupe: false`) have none.
 */
export function eventGuard(
  event: { readonly id: string; readonly time: number; readonly dedupe: boolean },
  rank: number,
  options: { readonly create?: boolean; readonly playerIds?: readonly string[] } = {},
): Guard {
  const key = playersKey(options.playerIds ?? []);
  return {
    rank,
    time: event.time,
    ...(event.dedupe && rank < TERMINAL_RANK ? { eventId: event.id } : {}),
    ...(options.create === false ? { create: false } : {}),
    ...(key === undefined ? {} : { playersKey: key }),
  };
}

/** What the guard needs to know about the stored item. */
export interface GuardState {
  readonly rank: number;
  /** Epoch ms of the newest event folded in; absent when none yet. */
  readonly eventAt?: number;
  readonly eventIds: readonly string[];
  /** {@link playersKey} of the stored players; absent when none are stored. */
  readonly playersKey?: string;
}

/** True when the event names other players than the stored item: a refused (forged) event. */
export function playersMismatch(state: GuardState | undefined, guard: Guard): boolean {
  return state?.playersKey !== undefined && guard.playersKey !== undefined && state.playersKey !== guard.playersKey;
}

/** True when an event with `guard` may change an item in `state` (`undefined` = not stored). */
export function guardAllows(state: GuardState | undefined, guard: Guard): boolean {
  if (state === undefined) return guard.create !== false;
  if (playersMismatch(state, guard)) return false;
  if (state.rank >= TERMINAL_RANK) return false;
  if (guard.rank >= TERMINAL_RANK) return true;
  if (guard.eventId !== undefined && state.eventIds.includes(guard.eventId)) return false;
  if (state.eventAt === undefined) return true;
  return state.eventAt < guard.time || (state.eventAt === guard.time && state.rank <= guard.rank);
}

/**
 * A change computed from the event alone: applied only when {@link guardAllows}.
 * `set` overwrites, `setIfNotExists` fills in attributes a new item lacks, `remove` deletes.
 */
export interface Patch<T> {
  readonly guard: Guard;
  readonly terminal: boolean;
  readonly set: Partial<T>;
  readonly setIfNotExists: Partial<T>;
  readonly remove: readonly (keyof T & string)[];
}

/**
 * Applies a patch to an item (or creates it from `setIfNotExists` + `set`), as UpdateItem would:
 * the guard's time becomes `eventAt`, its event id is remembered in `eventIds` ({@link rememberEventId}), `version` grows by one.
 */
export function applyPatch<
  T extends { readonly eventIds: readonly string[]; readonly eventAt?: number; readonly version: number },
>(state: T | undefined, patch: Patch<T>): T {
  const out: Record<string, unknown> = { ...(state ?? {}) };
  for (const [k, v] of Object.entries(patch.setIfNotExists)) if (out[k] === undefined && v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(patch.set)) if (v !== undefined) out[k] = v;
  for (const k of patch.remove) delete out[k];
  out["eventAt"] = patch.guard.time;
  out["version"] = (state?.version ?? 0) + 1;
  const ids = state?.eventIds ?? [];
  out["eventIds"] = patch.guard.eventId === undefined ? [...ids] : rememberEventId(ids, patch.guard.eventId);
  return out as T;
}

/**
 * What every event-folded item carries (a ticket, a placement): its status and players, and the
 * bookkeeping the guard and the reconciler read.
 */
export interface FoldedItem<S extends string> {
  readonly status: S;
  /** Player ids on the item, in request order. */
  readonly playerIds: readonly string[];
  /** Epoch ms the item was created (for an item first seen in an event, the event's start time). */
  readonly createdAt: number;
  /** Epoch ms of the last write. */
  readonly updatedAt: number;
  /** Epoch ms we last heard anything about the item (submit, event, reconcile). */
  readonly heardAt: number;
  /** Epoch ms of the newest event folded in (the guard's ordering; stored as `eventAt`). */
  readonly eventAt?: number;
  /** Envelope ids of the events folded in (dedupe). */
  readonly eventIds: readonly string[];
  /** Grows by one with every write that changes the item (create, each folded event): push clients order by it. */
  readonly version: number;
}
