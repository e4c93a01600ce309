import type { Engine } from "../Engine.js";
import { endGameSession } from "../sessions/gameSessions.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import { fleetStatusOrder, type FleetStatus } from "../state/records.js";
import { isLiveSession } from "./capacity.js";
import { reconcileInstances, removeInstances } from "./instances.js";

type Activating = Exclude<(typeof fleetStatusOrder)[number], "ACTIVE">;

function isActivating(status: FleetStatus): status is Activating {
  return status !== "ACTIVE" && (fleetStatusOrder as readonly string[]).includes(status);
}

/**
 * Drives fleets through NEW → DOWNLOADING → VALIDATING → BUILDING → ACTIVATING → ACTIVE on the
 * clock (durations from the settings), keeps their instance counts at the desired capacity, and
 * finishes deletions (DELETING → removed, with its game sessions terminated).
 */
export const fleetEngine: Engine = {
  tick(ctx) {
    const now = ctx.clock.now();
    const durations = settingsOf(ctx).fleetStatusDurationsMs;
    const cols = collections(ctx.store);
    for (const fleet of cols.fleets.values()) {
      // Several steps can pass in one tick when the clock jumped.
      while (isActivating(fleet.Status) && fleet.statusSince + durations[fleet.Status] <= now) {
        const next = fleetStatusOrder[fleetStatusOrder.indexOf(fleet.Status) + 1] ?? "ACTIVE";
        fleet.statusSince += durations[fleet.Status];
        fleet.Status = next;
        for (const loc of fleet.locations) loc.Status = next;
      }
      if (fleet.Status === "ACTIVATING" || fleet.Status === "ACTIVE") reconcileInstances(ctx, fleet);
      if (fleet.Status === "DELETING") {
        for (const s of cols.gameSessions.values()) {
          if (s.FleetId === fleet.FleetId && isLiveSession(s)) endGameSession(ctx, s, "FORCE_TERMINATED");
        }
        removeInstances(ctx, fleet.FleetId);
        cols.fleets.delete(fleet.FleetId);
        cols.tags.delete(fleet.FleetArn);
      }
    }
  },
};
