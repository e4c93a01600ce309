import { capacityShortage, type Engine, type FleetShortage } from "@matchplace/gamelift-local";

/** Where the watch writes its line (the stage's Powertools logger). */
export interface CapacityLog {
  warn(message: string, extra: Record<string, unknown>): void;
}

/** One sentence naming the full fleets and what to do about it. */
function shortageLine(shortages: readonly FleetShortage[], timedOut: number): string {
  const fleets = shortages.map((s) => {
    const i = s.instances;
    const scaling = s.autoScalingStopped
      ? "auto-scaling stopped"
      : s.hasScalingPolicy
        ? i.desired >= i.maximum
          ? "at MaxSize"
          : "scaling out"
        : "no scaling policy";
    return `${s.fleetName} (${s.location}) is full: ${s.waitingPlacements} placements waiting, the oldest ${s.oldestWaitSeconds} s; instances ${i.active} active + ${i.pending} pending of desired ${i.desired}, max ${i.maximum} (${scaling})`;
  });
  const lost = timedOut > 0 ? `; ${timedOut} placements timed out for capacity since the last notice` : "";
  return `GameLift capacity ran out: ${fleets.join("; ")}${lost}. Raise MaxSize (infra/gamelift/fleets/), shorten --match-seconds, or send fewer players.`;
}

/**
 * An emulator engine that logs one line while placements wait for capacity (some for at least
 * `minWaitMs`: a scale-out in progress is not news), at most once per `everyMs` of the emulator's
 * clock (not one per placement). `placementTimedOut` counts the PlacementTimedOut events that
 * carried the capacity reason, for the next line.
 */
export function createCapacityWatch(
  log: CapacityLog,
  everyMs = 30_000,
  minWaitMs = 5_000,
): Engine & { placementTimedOut(message: string): void } {
  let last = -Infinity;
  let timedOut = 0;
  return {
    tick(ctx) {
      const now = ctx.clock.now();
      if (now - last < everyMs) return;
      const shortages = capacityShortage(ctx).filter((s) => s.oldestWaitSeconds * 1000 >= minWaitMs);
      if (shortages.length === 0 && timedOut === 0) return;
      last = now;
      log.warn(shortageLine(shortages, timedOut), { shortages, placementsTimedOut: timedOut });
      timedOut = 0;
    },
    placementTimedOut(message) {
      try {
        const event = JSON.parse(message) as { detail?: { type?: string; reason?: string } };
        if (event.detail?.type === "PlacementTimedOut" && event.detail.reason === "FleetCapacityExceeded") timedOut++;
      } catch {
        // not a placement event
      }
    },
  };
}
