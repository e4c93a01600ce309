/** Wait-time statistics: count, mean and nearest-rank percentiles, in seconds (3 decimals). */
export interface WaitStats {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Nearest-rank percentile of an ascending array (`undefined` when empty). */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Statistics of wait times (seconds). */
export function waitStats(values: readonly number[]): WaitStats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number | null => {
    const v = percentile(sorted, p);
    return v === undefined ? null : round3(v);
  };
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? null : round3(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted.length === 0 ? null : round3(sorted[sorted.length - 1] ?? 0),
  };
}

/** Groups values by a key and computes {@link waitStats} per group, keys sorted. */
export function groupedStats<T>(
  items: readonly T[],
  key: (item: T) => string,
  value: (item: T) => number,
): Record<string, WaitStats> {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(value(item));
    else groups.set(k, [value(item)]);
  }
  const out: Record<string, WaitStats> = {};
  for (const k of [...groups.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true })))
    out[k] = waitStats(groups.get(k) ?? []);
  return out;
}

/** Rounds to 3 decimals (report numbers stay short and stable). */
export const round = round3;
