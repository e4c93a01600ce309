import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";

/** A fleet location that placements are waiting on because it has no free server process. */
export interface FleetShortage {
  readonly fleetId: string;
  readonly fleetName: string;
  readonly location: string;
  /** Placements waiting on it (every candidate of theirs full). */
  readonly waitingPlacements: number;
  /** Seconds the oldest of them has waited for capacity. */
  readonly oldestWaitSeconds: number;
  readonly instances: {
    readonly desired: number;
    readonly active: number;
    readonly pending: number;
    readonly maximum: number;
  };
  /** Whether AUTO_SCALING is stopped there. */
  readonly autoScalingStopped: boolean;
  /** Whether the fleet has a scaling policy at all. */
  readonly hasScalingPolicy: boolean;
}

/**
 * Where capacity has run out right now: the fleet locations that waiting placements found full,
 * with their instance counts. Empty when nothing waits for capacity.
 * @example
 * for (const s of capacityShortage(emulator.context)) console.warn(`${s.fleetName} is full: ${s.waitingPlacements} waiting`);
 */
export function capacityShortage(ctx: EmulatorContext): FleetShortage[] {
  const cols = collections(ctx.store);
  const now = ctx.clock.now();
  const waiting = new Map<string, { count: number; since: number }>();
  for (const p of cols.placements.each()) {
    if (p.Status !== "PENDING" || !p.waitingFor) continue;
    for (const key of p.waitingFor.locations) {
      const w = waiting.get(key);
      waiting.set(key, { count: (w?.count ?? 0) + 1, since: Math.min(w?.since ?? Infinity, p.waitingFor.since) });
    }
  }
  const out: FleetShortage[] = [];
  for (const [key, w] of waiting) {
    const [fleetId = "", location = ""] = key.split("/");
    const fleet = cols.fleets.get(fleetId);
    const loc = fleet?.locations.find((l) => l.Location === location);
    if (!fleet || !loc) continue;
    let active = 0;
    let pending = 0;
    for (const i of cols.instances.each()) {
      if (i.FleetId !== fleetId || i.Location !== location) continue;
      if (i.Status === "ACTIVE") active++;
      else if (i.Status === "PENDING") pending++;
    }
    out.push({
      fleetId,
      fleetName: fleet.Name,
      location,
      waitingPlacements: w.count,
      oldestWaitSeconds: Math.max(0, Math.round((now - w.since) / 1000)),
      instances: { desired: loc.Desired, active, pending, maximum: loc.Maximum },
      autoScalingStopped: loc.StoppedActions?.includes("AUTO_SCALING") ?? false,
      hasScalingPolicy: cols.scalingPolicies.values().some((p) => p.FleetId === fleetId),
    });
  }
  return out;
}
