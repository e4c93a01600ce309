import type { DashboardEvent } from "./types.js";

/** A listener of the {@link DashboardBus}. */
export type DashboardListener = (event: DashboardEvent) => void;

/**
 * The stage's in-process event bus: the parts of the stage tell it what happened (a ticket changed, a
 * notification went out, a delivery was retried), the dashboard listens. It only observes: a listener
 * that throws is reported to `onError` and never breaks the stage's own path.
 *
 * @example
 * const bus = new DashboardBus();
 * const off = bus.subscribe((e) => console.log(e.kind));
 * bus.publish({ kind: "redrive", at: Date.now(), count: 2 });
 * off();
 */
export class DashboardBus {
  readonly #listeners = new Set<DashboardListener>();
  readonly #onError: (err: unknown) => void;

  /** `onError` hears of a listener that threw (the stage logs it). */
  public constructor(onError: (err: unknown) => void = () => undefined) {
    this.#onError = onError;
  }

  /** Adds a listener; returns the function that removes it. */
  public subscribe(listener: DashboardListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every listener, synchronously. */
  public publish(event: DashboardEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        // An observer's fault must not break the delivery or write that reported the event.
        this.#onError(err);
      }
    }
  }
}
