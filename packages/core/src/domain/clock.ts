/**
 * The one time source of core: every service, use case and adapter that reads time depends on a
 * `Clock` (a field `clock: Clock` of its dependencies), never on `Date.now()` and never on a bare
 * `now: () => number`. Handlers and adapters pass {@link systemClock}; tests pass a clock they move.
 *
 * Pure functions that are *given* an instant (folds, views, guards, observations) take it as a plain
 * parameter named `now` (epoch ms), read once from the caller's clock, so one operation sees one instant.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The real clock (wall time), for handlers and adapters. */
export const systemClock: Clock = { now: () => Date.now() };
