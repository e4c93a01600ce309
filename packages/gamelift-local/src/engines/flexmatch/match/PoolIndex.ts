/** A sorted index over one partition of the pool, with O(1) removal of matched entries. */
import { sortPositions, type Entry } from "./prepare.js";

/** What a neighbour scan does with a visited entry. */
export type Verdict = "take" | "skip" | "stop";

/**
 * Entries sorted by primary key (age order when there is none), threaded on a doubly linked
 * list of still-unmatched entries so that neighbour scans skip matched ones in O(1) each.
 */
export class PoolIndex {
  readonly #sorted: Entry[];
  /** Keys and age orders in sorted order: scans read these contiguous arrays, not the entries. */
  readonly #keys: Float64Array;
  readonly #orders: Float64Array;
  readonly #prev: Int32Array;
  readonly #next: Int32Array;

  public constructor(entries: readonly Entry[]) {
    // Sort positions over typed arrays (much cheaper than comparing objects); keyless entries last.
    const n = entries.length;
    const keys = new Float64Array(n);
    const orders = new Float64Array(n);
    entries.forEach((e, i) => {
      keys[i] = Number.isNaN(e.key) ? Infinity : e.key;
      orders[i] = e.order;
    });
    // Entries come in age order (order ascending), so a position stands in for the order as tie-break;
    // keyless entries (Infinity) sort after every key. Otherwise the comparator sort.
    let ascending = true;
    let top = -Infinity;
    for (let i = 0; i < n; i++) {
      if (i > 0 && (orders[i] as number) <= (orders[i - 1] as number)) ascending = false;
      const k = keys[i] as number;
      if (k !== Infinity && k > top) top = k;
    }
    let idx: Uint32Array;
    if (ascending) {
      const finite = new Float64Array(n);
      const after = top === -Infinity ? 0 : top + 1;
      for (let i = 0; i < n; i++) finite[i] = keys[i] === Infinity ? after : (keys[i] as number);
      idx = sortPositions(finite);
    } else {
      idx = new Uint32Array(n);
      for (let i = 0; i < n; i++) idx[i] = i;
      idx.sort((a, b) => (keys[a] as number) - (keys[b] as number) || (orders[a] as number) - (orders[b] as number));
    }
    const sorted: Entry[] = new Array<Entry>(n);
    this.#keys = new Float64Array(n);
    this.#orders = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = idx[k] as number;
      sorted[k] = entries[i] as Entry;
      this.#keys[k] = keys[i] as number;
      this.#orders[k] = orders[i] as number;
    }
    this.#sorted = sorted;
    this.#prev = new Int32Array(n);
    this.#next = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.#prev[i] = i - 1;
      this.#next[i] = i + 1 < n ? i + 1 : -1;
      // Each entry belongs to exactly one index per call: it records its position there.
      (this.#sorted[i] as Entry).slot = i;
    }
  }

  /** Distance of sorted position `i` from the anchor: by key, or by age order without keys. */
  #distance(i: number, anchorKey: number, anchorOrder: number, keyed: boolean): number {
    const k = this.#keys[i] as number;
    return keyed && k !== Infinity ? Math.abs(k - anchorKey) : Math.abs((this.#orders[i] as number) - anchorOrder);
  }

  /** Unlinks a matched entry. */
  public remove(e: Entry): void {
    const i = e.slot;
    if (i < 0 || this.#sorted[i] !== e) return;
    e.slot = -1;
    const p = this.#prev[i] ?? -1;
    const n = this.#next[i] ?? -1;
    if (p >= 0) this.#next[p] = n;
    if (n >= 0) this.#prev[n] = p;
  }

  /**
   * Up to `limit` unmatched entries nearest `anchor` by key (by age order when keys are absent),
   * nearest first, excluding entries farther than `maxKeyDistance`. Visits at most `scanLimit`
   * entries, so one call is O(scanLimit) whatever the pool size. `accept` may stop the scan.
   * The result is written to `out` (emptied first) and returned; pass a buffer to reuse it.
   */
  public neighbours(
    anchor: Entry,
    limit: number,
    scanLimit: number,
    maxKeyDistance: number,
    accept: (e: Entry) => Verdict,
    out: Entry[] = [],
  ): Entry[] {
    while (out.length > 0) out.pop(); // keeps the buffer's backing store
    const at = anchor.slot;
    if (at < 0 || this.#sorted[at] !== anchor) return out;
    const sorted = this.#sorted;
    const keyed = !Number.isNaN(anchor.key);
    let l = this.#prev[at] ?? -1;
    let r = this.#next[at] ?? -1;
    const ak = anchor.key;
    const ao = anchor.order;
    let dl = l >= 0 ? this.#distance(l, ak, ao, keyed) : Infinity;
    let dr = r >= 0 ? this.#distance(r, ak, ao, keyed) : Infinity;
    let scanned = 0;
    while (out.length < limit && scanned < scanLimit && (l >= 0 || r >= 0)) {
      // Equal distance: the older entry first.
      const useLeft =
        dl < dr || (dl === dr && dl !== Infinity && (this.#orders[l] as number) < (this.#orders[r] as number));
      const i = useLeft ? l : r;
      if (keyed && (useLeft ? dl : dr) > maxKeyDistance) break;
      scanned++;
      if (useLeft) {
        l = this.#prev[l] ?? -1;
        dl = l >= 0 ? this.#distance(l, ak, ao, keyed) : Infinity;
      } else {
        r = this.#next[r] ?? -1;
        dr = r >= 0 ? this.#distance(r, ak, ao, keyed) : Infinity;
      }
      const e = sorted[i] as Entry;
      const v = accept(e);
      if (v === "stop") break;
      if (v === "take") out.push(e);
    }
    return out;
  }
}
