import { SystemClock, type TimerHandle, type Timers } from "./clock/Clock.js";

/**
 * Notification fault knobs shared by the emulator (its own FlexMatch and placement events) and the
 * local stage's SNS: GameLift's notifications are best-effort, so a backend must end right when
 * they are dropped, duplicated, delayed or reordered. Every share is 0..1.
 */
export interface NotificationFaults {
  /** Share of notifications never sent. */
  readonly drop: number;
  /** Share of notifications sent twice. */
  readonly duplicate: number;
  /** Share of notifications held back by a random delay up to `maxDelayMs` (often reordering them). */
  readonly delay: number;
  /**
   * Share of notifications held back until the next notification on the same topic has gone out,
   * so the two arrive swapped: a reorder that always happens when a next one comes. A held
   * notification goes anyway after `maxDelayMs` (1 s when that is 0) if none comes.
   */
  readonly reorder: number;
  readonly maxDelayMs: number;
}

export const noNotificationFaults: NotificationFaults = { drop: 0, duplicate: 0, delay: 0, reorder: 0, maxDelayMs: 0 };

/** The knobs that are shares (0..1); `maxDelayMs` is a duration. */
export const NOTIFICATION_SHARES = ["drop", "duplicate", "delay", "reorder"] as const;

/** One copy of a notification to send: after `delayMs`, or held until the next one (`holdBack`). */
export interface PlannedCopy {
  readonly delayMs: number;
  readonly holdBack: boolean;
}

/**
 * What to do with one notification: its copies (none when dropped). Dice are rolled in a fixed
 * order (drop, duplicate, then per copy reorder, delay, delay drawn) and only for knobs that are on,
 * so tests can script them.
 * @example planNotification({ ...noNotificationFaults, duplicate: 1 }, Math.random) // two copies, no delay
 */
export function planNotification(faults: NotificationFaults, random: () => number): PlannedCopy[] {
  if (faults.drop > 0 && random() < faults.drop) return [];
  const copies = faults.duplicate > 0 && random() < faults.duplicate ? 2 : 1;
  const plan: PlannedCopy[] = [];
  for (let i = 0; i < copies; i++) {
    const holdBack = faults.reorder > 0 && random() < faults.reorder;
    const delayMs =
      !holdBack && faults.delay > 0 && random() < faults.delay ? Math.floor(random() * faults.maxDelayMs) : 0;
    plan.push({ delayMs, holdBack });
  }
  return plan;
}

/**
 * Checks and merges a partial update into the knobs in force; throws RangeError naming the bad knob.
 * Every key of `current` is accepted; those in `shares` must be 0..1.
 */
export function mergeShares<T extends object>(
  current: T,
  update: Record<string, unknown>,
  shares: readonly string[],
): T {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(update)) {
    if (!Object.hasOwn(current, key))
      throw new RangeError(`unknown fault "${key}": expected ${Object.keys(current).join(", ")}`);
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
      throw new RangeError(`fault "${key}" must be a number >= 0`);
    if (shares.includes(key) && value > 1) throw new RangeError(`fault "${key}" is a share between 0 and 1`);
    next[key] = value;
  }
  return next as T;
}

/**
 * Parses a `key=value,...` spec (a command-line flag) over `defaults`; throws RangeError naming the
 * bad part or knob.
 * @example parseFaultSpec("drop=0.1,reorder=0.2", noNotificationFaults, NOTIFICATION_SHARES)
 */
export function parseFaultSpec<T extends object>(spec: string, defaults: T, shares: readonly string[]): T {
  const update: Record<string, number> = {};
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key = "", raw = ""] = part.split("=");
    if (!Object.hasOwn(defaults, key) || raw.trim() === "" || !Number.isFinite(Number(raw))) {
      throw new RangeError(`bad fault "${part}": expected ${Object.keys(defaults).join("|")}=<number>`);
    }
    update[key] = Number(raw);
  }
  return mergeShares(defaults, update, shares);
}

interface Held {
  readonly send: () => void;
  readonly timer: TimerHandle;
}

/**
 * Sends planned copies per topic: at once, after their delay, or (held back) right after the next
 * copy on the same topic has gone out. One per sender (the emulator's notify, the SNS publish).
 * Delays and hold-backs wait on `timers`: real time by default, a `ManualClock` in tests.
 */
export class NotificationSender {
  readonly #held = new Map<string, Held[]>();
  readonly #timers = new Set<TimerHandle>();
  readonly #clock: Timers;

  public constructor(timers: Timers = new SystemClock()) {
    this.#clock = timers;
  }

  /**
   * Sends one copy. `send` is called once, now or later; `maxHoldMs` bounds a hold-back.
   */
  public send(topic: string, copy: PlannedCopy, send: () => void, maxHoldMs: number): void {
    if (copy.holdBack) {
      const timer = this.#clock.setTimeout(() => this.#releaseOne(topic, timer), maxHoldMs > 0 ? maxHoldMs : 1000);
      const held = this.#held.get(topic) ?? [];
      held.push({ send, timer });
      this.#held.set(topic, held);
      return;
    }
    const fire = (): void => {
      send();
      // Whatever was held back on this topic now goes after the copy that overtook it.
      this.#releaseAll(topic);
    };
    if (copy.delayMs <= 0) {
      fire();
      return;
    }
    const timer = this.#clock.setTimeout(() => {
      this.#timers.delete(timer);
      fire();
    }, copy.delayMs);
    this.#timers.add(timer);
  }

  /** How many copies are held back or waiting for their delay. */
  public get pending(): number {
    let n = this.#timers.size;
    for (const held of this.#held.values()) n += held.length;
    return n;
  }

  /** Sends every held-back copy now (delayed copies keep their timers); used to drain. */
  public flush(): void {
    for (const topic of [...this.#held.keys()]) this.#releaseAll(topic);
  }

  /** Forgets everything not sent yet (the process is stopping). */
  public clear(): void {
    for (const held of this.#held.values()) for (const h of held) this.#clock.clearTimeout(h.timer);
    this.#held.clear();
    for (const t of this.#timers) this.#clock.clearTimeout(t);
    this.#timers.clear();
  }

  #releaseAll(topic: string): void {
    const held = this.#held.get(topic);
    if (!held) return;
    this.#held.delete(topic);
    for (const h of held) {
      this.#clock.clearTimeout(h.timer);
      h.send();
    }
  }

  #releaseOne(topic: string, timer: TimerHandle): void {
    const held = this.#held.get(topic) ?? [];
    const i = held.findIndex((h) => h.timer === timer);
    if (i < 0) return;
    const [h] = held.splice(i, 1);
    if (held.length === 0) this.#held.delete(topic);
    h?.send();
  }
}
