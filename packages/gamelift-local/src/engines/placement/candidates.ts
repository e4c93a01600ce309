import { parseArn } from "../../arns.js";
import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";
import type { FleetRecord, PlacementRecord, QueueRecord } from "../state/records.js";

/** One place a placement may land: a fleet location reached through a queue destination. */
export interface Candidate {
  readonly fleet: FleetRecord;
  readonly location: string;
  readonly destinationIndex: number;
}

/** The fleet a destination ARN names (an alias ARN is resolved; TERMINAL aliases name none). */
function destinationFleet(ctx: EmulatorContext, destinationArn: string): FleetRecord | undefined {
  const cols = collections(ctx.store);
  const arn = parseArn(destinationArn);
  if (!arn) return undefined;
  if (arn.type.endsWith("fleet")) return cols.fleets.get(arn.resource);
  if (arn.type !== "alias") return undefined;
  const alias = cols.aliases.get(arn.resource);
  const fleetId = alias?.RoutingStrategy.Type === "SIMPLE" ? alias.RoutingStrategy.FleetId : undefined;
  return fleetId ? cols.fleets.get(fleetId) : undefined;
}

/** Every (fleet, location) of the queue's destinations that its filter allows, first occurrence kept. */
export function candidatesOf(ctx: EmulatorContext, queue: QueueRecord): Candidate[] {
  const allowed = queue.FilterConfiguration?.AllowedLocations;
  const seen = new Set<string>();
  const out: Candidate[] = [];
  queue.Destinations.forEach((d, destinationIndex) => {
    const fleet = destinationFleet(ctx, d.DestinationArn);
    if (!fleet) return;
    for (const loc of fleet.locations) {
      const key = `${fleet.FleetId}/${loc.Location}`;
      if (seen.has(key) || (allowed && !allowed.includes(loc.Location))) continue;
      seen.add(key);
      out.push({ fleet, location: loc.Location, destinationIndex });
    }
  });
  return out;
}

/**
 * The latency cap in force `elapsedMs` after the placement started: policies apply strictest first,
 * each for its duration; one without a duration lasts until the timeout. `undefined` = no cap.
 */
function latencyCapAt(queue: QueueRecord, elapsedMs: number): number | undefined {
  const policies = [...queue.PlayerLatencyPolicies].sort(
    (a, b) =>
      (a.MaximumIndividualPlayerLatencyMilliseconds ?? Infinity) -
      (b.MaximumIndividualPlayerLatencyMilliseconds ?? Infinity),
  );
  let start = 0;
  for (const p of policies) {
    if (p.PolicyDurationSeconds === undefined) return p.MaximumIndividualPlayerLatencyMilliseconds;
    start += p.PolicyDurationSeconds * 1000;
    if (elapsedMs < start) return p.MaximumIndividualPlayerLatencyMilliseconds;
  }
  return undefined;
}

/** Average reported latency to a location, or `undefined` when no player reported one. */
function averageLatency(placement: PlacementRecord, location: string): number | undefined {
  const values = placement.PlayerLatencies.filter((l) => l.RegionIdentifier === location)
    .map((l) => l.LatencyInMilliseconds)
    .filter((v): v is number => typeof v === "number");
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** Whether every player who reported latencies is within the cap for the location. */
function withinCap(placement: PlacementRecord, location: string, cap: number): boolean {
  const players = new Set(placement.PlayerLatencies.map((l) => l.PlayerId));
  for (const player of players) {
    const l = placement.PlayerLatencies.find((x) => x.PlayerId === player && x.RegionIdentifier === location);
    if (l?.LatencyInMilliseconds === undefined || l.LatencyInMilliseconds > cap) return false;
  }
  return true;
}

const defaultPriority = ["LATENCY", "COST", "DESTINATION", "LOCATION"] as const;

/**
 * The candidates a placement may use now, best first: latency policy filter, then the queue's
 * priority order (missing entries appended in default order), then location name.
 */
export function rankCandidates(
  queue: QueueRecord,
  placement: PlacementRecord,
  candidates: readonly Candidate[],
  elapsedMs: number,
): Candidate[] {
  const hasLatency = placement.PlayerLatencies.length > 0;
  const cap = hasLatency ? latencyCapAt(queue, elapsedMs) : undefined;
  const override = placement.PriorityConfigurationOverride;
  const locationOrder = override?.LocationOrder ?? queue.PriorityConfiguration?.LocationOrder ?? [];
  let pool = candidates.filter((c) => cap === undefined || withinCap(placement, c.location, cap));
  if (override?.PlacementFallbackStrategy === "NONE")
    pool = pool.filter((c) => override.LocationOrder.includes(c.location));
  const given = queue.PriorityConfiguration?.PriorityOrder ?? [];
  const order = [...given, ...defaultPriority.filter((p) => !given.includes(p))];
  const key = (c: Candidate, p: string): number => {
    if (p === "LATENCY") return hasLatency ? (averageLatency(placement, c.location) ?? Infinity) : 0;
    if (p === "DESTINATION") return c.destinationIndex;
    if (p === "LOCATION") {
      const i = locationOrder.indexOf(c.location);
      return i < 0 ? Infinity : i;
    }
    return 0; // COST: every emulated instance costs the same.
  };
  return [...pool].sort((a, b) => {
    for (const p of order) {
      const d = key(a, p) - key(b, p);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return a.location.localeCompare(b.location);
  });
}
