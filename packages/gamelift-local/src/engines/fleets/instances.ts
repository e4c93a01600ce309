import type { EmulatorContext } from "../context.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import type { FleetRecord, InstanceRecord } from "../state/records.js";
import { isLiveSession, localIpAddress } from "./capacity.js";

/** `i-` and 17 hex digits, like an EC2 instance id. */
function instanceId(ctx: EmulatorContext): string {
  return `i-${ctx.ids.uuid().replace(/-/g, "").slice(-17)}`;
}

/**
 * Adds or removes instances so each location of the fleet has its desired count. New instances
 * are PENDING for the scale-out delay (`instanceActivationMs`), then ACTIVE.
 */
export function reconcileInstances(ctx: EmulatorContext, fleet: FleetRecord): void {
  // An Anywhere fleet's hosts are the computes registered to it, never made or removed here.
  if (fleet.ComputeType === "ANYWHERE") return;
  const cols = collections(ctx.store);
  const now = ctx.clock.now();
  const delay = settingsOf(ctx).instanceActivationMs;
  const busy = new Set<string>();
  for (const s of cols.gameSessions.each()) if (s.FleetId === fleet.FleetId && isLiveSession(s)) busy.add(s.InstanceId);
  for (const loc of fleet.locations) {
    if (loc.Status !== "ACTIVATING" && loc.Status !== "ACTIVE") continue;
    const mine = cols.instances.values().filter((i) => i.FleetId === fleet.FleetId && i.Location === loc.Location);
    for (const i of mine) {
      if (i.Status === "PENDING" && (i.activateAt ?? 0) <= now) {
        i.Status = "ACTIVE";
        delete i.activateAt;
      }
    }
    for (let n = mine.length; n < loc.Desired; n++) {
      const id = instanceId(ctx);
      const instance: InstanceRecord = {
        InstanceId: id,
        FleetId: fleet.FleetId,
        Location: loc.Location,
        Status: delay > 0 ? "PENDING" : "ACTIVE",
        ...(delay > 0 ? { activateAt: now + delay } : {}),
        CreationTime: now,
        IpAddress: localIpAddress,
        DnsName: `ec2-127-0-0-1.${loc.Location}.compute.amazonaws.com`,
        OperatingSystem: fleet.OperatingSystem,
        Type: fleet.InstanceType,
      };
      cols.instances.put(id, instance);
    }
    // Scale-in takes PENDING instances first, then idle ones; an instance with live sessions is never removed under them.
    let extra = mine.length - loc.Desired;
    const order = [...mine].reverse().sort((a, b) => Number(b.Status === "PENDING") - Number(a.Status === "PENDING"));
    for (const i of order) {
      if (extra <= 0) break;
      if (busy.has(i.InstanceId)) continue;
      cols.instances.delete(i.InstanceId);
      extra--;
    }
  }
}

/** Removes every instance of a fleet, or of one of its locations. */
export function removeInstances(ctx: EmulatorContext, fleetId: string, location?: string): void {
  const cols = collections(ctx.store);
  for (const i of cols.instances.values()) {
    if (i.FleetId === fleetId && (location === undefined || i.Location === location))
      cols.instances.delete(i.InstanceId);
  }
}
