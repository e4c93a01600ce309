/**
 * Fault knobs for notification delivery, to prove the backend ends right when GameLift's
 * best-effort notifications are dropped, duplicated, delayed or reordered. All shares are 0..1.
 */
export interface DeliveryFaults {
  /** Share of messages never delivered. */
  readonly drop: number;
  /** Share of messages delivered twice. */
  readonly duplicate: number;
  /** Share of messages held back by a random delay up to `maxDelayMs` (which reorders them). */
  readonly delay: number;
  readonly maxDelayMs: number;
}

export const noFaults: DeliveryFaults = { drop: 0, duplicate: 0, delay: 0, maxDelayMs: 0 };

/** What to do with one message: how many copies, each after what delay. Empty = dropped. */
export function planDelivery(faults: DeliveryFaults, random: () => number): number[] {
  if (faults.drop > 0 && random() < faults.drop) return [];
  const copies = faults.duplicate > 0 && random() < faults.duplicate ? 2 : 1;
  const plan: number[] = [];
  for (let i = 0; i < copies; i++) {
    plan.push(faults.delay > 0 && random() < faults.delay ? Math.floor(random() * faults.maxDelayMs) : 0);
  }
  return plan;
}

/** Parses `drop=0.1,duplicate=0.2,delay=0.3,maxDelayMs=2000` (the `--sns-faults` flag). */
export function parseFaults(spec: string): DeliveryFaults {
  const out: Record<string, number> = { ...noFaults };
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [key, raw] = part.split("=");
    const value = Number(raw);
    if (!key || !(key in noFaults) || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`bad fault "${part}": expected drop|duplicate|delay|maxDelayMs=<number>`);
    }
    if (key !== "maxDelayMs" && value > 1) throw new RangeError(`bad fault "${part}": a share is between 0 and 1`);
    out[key] = value;
  }
  return out as unknown as DeliveryFaults;
}
