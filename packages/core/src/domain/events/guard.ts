/**
 * The one ordering rule shared by tickets and placements. The DynamoDB adapter writes the same rule
 * as a ConditionExpression; keep the two in step (the property test checks they agree).
 *
 *   apply ⇔ no item
 *         ∨ ( rank(stored) < TERMINAL                       -- terminal states absorb
 *             ∧ ( event is terminal                          -- a terminal event always lands
 *                 ∨ ( id ∉ stored.eventIds                   -- duplicates change nothing
 *                     ∧ ( stored has no event time
 *                         ∨ stored.eventAt < event.time      -- newer wins (re-entry to SEARCHING is legal)
 *                         ∨ (stored.eventAt = event.time ∧ rank(stored) ≤ event.rank) ) ) ) )
 */

/** Rank shared by all terminal states. */
export const TERMINAL = 9;

/** What the guard needs to know about the event. */
export interface Guard {
  /** Rank of the status the event moves to. */
  readonly rank: number;
  /** Event time, epoch ms. */
  readonly time: number;
  /** Envelope id to dedupe on; absent for reconcile observations and terminal events (terminal absorbs). */
  readonly eventId?: string;
}

/**
 * The guard of an event moving an item to a status of `rank`. A terminal state absorbs every later
 * event, so a terminal event's own id is not remembered; observations (`dedupe: false`) have none.
 */
export function eventGuard(event: { readonly id: string; readonly time: number; readonly dedupe: boolean }, rank: number): Guard {
  return { rank, time: event.time, ...(event.dedupe && rank < TERMINAL ? { eventId: event.id } : {}) };
}

/** What the guard needs to know about the stored item. */
export interface GuardState {
  readonly rank: number;
  /** Epoch ms of the newest event folded in; absent when none yet. */
  readonly eventAt?: number;
  readonly eventIds: readonly string[];
}

/** True when an event with `guard` may change an item in `state` (`undefined` = not stored). */
export function guardAllows(state: GuardState | undefined, guard: Guard): boolean {
  if (state === undefined) return true;
  if (state.rank >= TERMINAL) return false;
  if (guard.rank >= TERMINAL) return true;
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
 * the guard's time becomes `eventAt`, its event id is appended to `eventIds`, `version` grows by one.
 */
export function applyPatch<T extends { readonly eventIds: readonly string[]; readonly eventAt?: number; readonly version: number }>(state: T | undefined, patch: Patch<T>): T {
  const out: Record<string, unknown> = { ...(state ?? {}) };
  for (const [k, v] of Object.entries(patch.setIfNotExists)) if (out[k] === undefined && v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(patch.set)) if (v !== undefined) out[k] = v;
  for (const k of patch.remove) delete out[k];
  out["eventAt"] = patch.guard.time;
  out["version"] = (state?.version ?? 0) + 1;
  const ids = state?.eventIds ?? [];
  out["eventIds"] = patch.guard.eventId === undefined ? [...ids] : [...ids, patch.guard.eventId];
  return out as T;
}
