import type { EmulatorContext } from "../context.js";
import type { Engine } from "../Engine.js";
import { endGameSession } from "../sessions/gameSessions.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import { fleetStatusOrder, type FleetRecord, type FleetStatus, type LocationCapacity } from "../state/records.js";
import { isLiveSession } from "./capacity.js";
import { recordFleetEvent } from "./fleetEvents.js";
import { reconcileInstances, removeInstances } from "./instances.js";

type Activating = Exclude<(typeof fleetStatusOrder)[number], "ACTIVE">;

function isActivating(status: FleetStatus): status is Activating {
  return status !== "ACTIVE" && (fleetStatusOrder as readonly string[]).includes(status);
}

/** Ends the live game sessions of a fleet (one location, or all) and removes their instances. */
function tearDown(ctx: EmulatorContext, fleet: FleetRecord, location?: string): void {
  const cols = collections(ctx.store);
  for (const s of cols.gameSessions.values()) {
    if (s.FleetId === fleet.FleetId && isLiveSession(s) && (location === undefined || s.Location === location)) {
      endGameSession(ctx, s, "FORCE_TERMINATED");
    }
  }
  removeInstances(ctx, fleet.FleetId, location);
}

/** Moves one location through the activation statuses; several steps can pass when the clock jumped. */
function advanceLocation(ctx: EmulatorContext, fleet: FleetRecord, loc: LocationCapacity, home: boolean): void {
  const durations = settingsOf(ctx).fleetStatusDurationsMs;
  const now = ctx.clock.now();
  let since = loc.statusSince ?? fleet.statusSince;
  while (isActivating(loc.Status) && since + durations[loc.Status] <= now) {
    since += durations[loc.Status];
    loc.Status = fleetStatusOrder[fleetStatusOrder.indexOf(loc.Status) + 1] ?? "ACTIVE";
    loc.statusSince = since;
    if (home) {
      fleet.Status = loc.Status;
      fleet.statusSince = since;
      recordFleetEvent(
        ctx,
        fleet.FleetId,
        `FLEET_STATE_${loc.Status}`,
        `Fleet ${fleet.FleetId} changed status to ${loc.Status}.`,
      );
    } else {
      recordFleetEvent(
        ctx,
        fleet.FleetId,
        `LOCATION_STATE_${loc.Status === "ACTIVE" ? "ACTIVE" : "ACTIVATING"}`,
        `Location ${loc.Location} changed status to ${loc.Status}.`,
      );
    }
  }
}

/**
 * Drives fleets (home location = fleet status) and their remote locations through NEW →
 * DOWNLOADING → VALIDATING → BUILDING → ACTIVATING → ACTIVE on the clock (durations from the
 * settings), keeps instance counts at the desired capacity, and finishes deletions of fleets
 * (DELETING → removed) and of locations.
 */
export const fleetEngine: Engine = {
  tick(ctx) {
    const cols = collections(ctx.store);
    for (const fleet of cols.fleets.values()) {
      if (fleet.Status === "DELETING") {
        tearDown(ctx, fleet);
        cols.fleets.delete(fleet.FleetId);
        cols.tags.delete(fleet.FleetArn);
        continue;
      }
      for (const [i, loc] of fleet.locations.entries()) advanceLocation(ctx, fleet, loc, i === 0);
      for (const loc of fleet.locations.filter((l) => l.Status === "DELETING")) tearDown(ctx, fleet, loc.Location);
      fleet.locations = fleet.locations.filter((l) => l.Status !== "DELETING");
      reconcileInstances(ctx, fleet);
    }
  },
};
