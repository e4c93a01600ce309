/**
 * The emulator's state: named collections of plain JSON-serialisable records.
 * Everything an engine must keep across a restart lives here, so `--persist DIR` is one snapshot.
 */
export class Collection<T> {
  readonly #items = new Map<string, T>();

  public get(id: string): T | undefined {
    return this.#items.get(id);
  }

  public has(id: string): boolean {
    return this.#items.has(id);
  }

  public put(id: string, item: T): T {
    this.#items.set(id, item);
    return item;
  }

  public delete(id: string): boolean {
    return this.#items.delete(id);
  }

  /** Items in insertion order (stable, so pagination with NextToken is deterministic). */
  public values(): T[] {
    return [...this.#items.values()];
  }

  /**
   * Iterates the items in insertion order without copying them (for hot per-tick scans). Do not
   * add or delete items while iterating; use {@link values} for a stable copy then.
   */
  public each(): MapIterator<T> {
    return this.#items.values();
  }

  public entries(): [string, T][] {
    return [...this.#items.entries()];
  }

  public get size(): number {
    return this.#items.size;
  }

  public clear(): void {
    this.#items.clear();
  }
}

export class Store {
  readonly #collections = new Map<string, Collection<unknown>>();

  /** The collection of that name, created on first use. */
  public collection<T>(name: string): Collection<T> {
    let c = this.#collections.get(name);
    if (!c) {
      c = new Collection<unknown>();
      this.#collections.set(name, c);
    }
    return c as Collection<T>;
  }

  /** A JSON-serialisable copy of every collection. */
  public snapshot(): Record<string, [string, unknown][]> {
    const out: Record<string, [string, unknown][]> = {};
    for (const [name, c] of this.#collections) out[name] = c.entries();
    return out;
  }

  /**
   * Replaces the state with a snapshot taken by `snapshot()`. Collections are refilled in place, so
   * a `Collection` obtained before stays the store's collection of that name.
   */
  public load(snapshot: Record<string, [string, unknown][]>): void {
    for (const c of this.#collections.values()) c.clear();
    for (const [name, entries] of Object.entries(snapshot)) {
      const c = this.collection<unknown>(name);
      for (const [id, item] of entries) c.put(id, item);
    }
  }
}
