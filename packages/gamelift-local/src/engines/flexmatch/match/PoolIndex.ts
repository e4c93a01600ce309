/** A sorted index over one partition of the pool, with O(1) removal of matched entries. */
import type { Entry } from "./prepare.js";

/** What a neighbour scan does with a visited entry. */
export type Verdict = "take" | "skip" | "stop";

/**
 * Entries sorted by primary key (age order when there is none), threaded on a doubly linked
 * list of still-unmatched entries so that neighbour scans skip matched ones in O(1) each.
 */
export class PoolIndex {
  readonly #sorted: Entry[];
  readonly #prev: Int32Array;
  readonly #next: Int32Array;
  readonly #pos = new Map<Entry, number>();

  public constructor(entries: readonly Entry[]) {
    const byKey = (a: Entry, b: Entry): number =>
      Number(Number.isNaN(a.key)) - Number(Number.isNaN(b.key)) ||
      (Number.isNaN(a.key) || Number.isNaN(b.key) ? 0 : a.key - b.key) ||
      a.order - b.order;
    this.#sorted = [...entries].sort(byKey);
    const n = this.#sorted.length;
    this.#prev = new Int32Array(n);
    this.#next = new Int32Array(n);
    this.#sorted.forEach((e, i) => {
      this.#prev[i] = i - 1;
      this.#next[i] = i + 1 < n ? i + 1 : -1;
      this.#pos.set(e, i);
    });
  }

  #order(i: number): number {
    return this.#sorted[i]?.order ?? Infinity;
  }

  /** Unlinks a matched entry. */
  public remove(e: Entry): void {
    const i = this.#pos.get(e);
    if (i === undefined) return;
    this.#pos.delete(e);
    const p = this.#prev[i] ?? -1;
    const n = this.#next[i] ?? -1;
    if (p >= 0) this.#next[p] = n;
    if (n >= 0) this.#prev[n] = p;
  }

  /**
   * Up to `limit` unmatched entries nearest `anchor` by key (by age order when keys are absent),
   * nearest first, excluding entries farther than `maxKeyDistance`. Visits at most `scanLimit`
   * entries, so one call is O(scanLimit) whatever the pool size. `accept` may stop the scan.
   */
  public neighbours(
    anchor: Entry,
    limit: number,
    scanLimit: number,
    maxKeyDistance: number,
    accept: (e: Entry) => Verdict,
  ): Entry[] {
    const at = this.#pos.get(anchor);
    if (at === undefined) return [];
    const out: Entry[] = [];
    let l = this.#prev[at] ?? -1;
    let r = this.#next[at] ?? -1;
    const dist = (i: number): number => {
      const e = this.#sorted[i] as Entry;
      return Number.isNaN(anchor.key) || Number.isNaN(e.key) ? Math.abs(e.order - anchor.order) : Math.abs(e.key - anchor.key);
    };
    let scanned = 0;
    while (out.length < limit && scanned < scanLimit && (l >= 0 || r >= 0)) {
      const dl = l >= 0 ? dist(l) : Infinity;
      const dr = r >= 0 ? dist(r) : Infinity;
      // Equal distance: the older entry first.
      const useLeft = dl < dr || (dl === dr && dl !== Infinity && this.#order(l) < this.#order(r));
      const i = useLeft ? l : r;
      const d = useLeft ? dl : dr;
      if (!Number.isNaN(anchor.key) && d > maxKeyDistance) break;
      scanned++;
      if (useLeft) l = this.#prev[l] ?? -1;
      else r = this.#next[r] ?? -1;
      const e = this.#sorted[i] as Entry;
      const v = accept(e);
      if (v === "stop") break;
      if (v === "take") out.push(e);
    }
    return out;
  }
}
