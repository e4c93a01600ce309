import type { EmulatorContext } from "../context.js";
import type { Engine } from "../Engine.js";
import { candidatesOf } from "../placement/candidates.js";
import { settingsOf } from "../settings.js";
import { collections } from "../state/collections.js";
import type { FleetRecord, LocationCapacity, ScalingMetric, ScalingPolicyRecord } from "../state/records.js";
import { processesPerInstance } from "./capacity.js";
import { recordFleetEvent } from "./fleetEvents.js";

/** ScaleInAfterInactivityMinutes when SCALE_TO_AND_FROM_ZERO is set without one. */
const defaultScaleInAfterInactivityMinutes = 30;

/** The scaling metrics of one fleet location at the clock's time. */
type LocationMetrics = Record<ScalingMetric, number>;

/** Waiting placements whose queues can place on each `<fleetId>/<location>`: count and oldest start. */
function waitingPlacements(ctx: EmulatorContext): Map<string, { count: number; oldest: number }> {
  const cols = collections(ctx.store);
  const out = new Map<string, { count: number; oldest: number }>();
  const byQueue = new Map<string, string[]>();
  for (const p of cols.placements.each()) {
    if (p.Status !== "PENDING") continue;
    let keys = byQueue.get(p.GameSessionQueueName);
    if (!keys) {
      const queue = cols.queues.get(p.GameSessionQueueName);
      keys = queue ? candidatesOf(ctx, queue).map((c) => `${c.fleet.FleetId}/${c.location}`) : [];
      byQueue.set(p.GameSessionQueueName, keys);
    }
    for (const key of keys) {
      const w = out.get(key) ?? { count: 0, oldest: p.StartTime };
      out.set(key, { count: w.count + 1, oldest: Math.min(w.oldest, p.StartTime) });
    }
  }
  return out;
}

/** Metrics of every location of a fleet (GameLift's fleet metrics, per location). */
function fleetMetrics(
  ctx: EmulatorContext,
  fleet: FleetRecord,
  waiting = waitingPlacements(ctx),
): Map<string, LocationMetrics> {
  const cols = collections(ctx.store);
  const now = ctx.clock.now();
  const perInstance = processesPerInstance(fleet);
  const out = new Map<string, LocationMetrics>();
  for (const loc of fleet.locations) {
    const instances = cols.instances
      .values()
      .filter((i) => i.FleetId === fleet.FleetId && i.Location === loc.Location && i.Status === "ACTIVE");
    const busy = new Set<string>();
    let live = 0;
    let active = 0;
    let activating = 0;
    let players = 0;
    let openSeats = 0;
    for (const s of cols.gameSessions.each()) {
      if (s.FleetId !== fleet.FleetId || s.Location !== loc.Location) continue;
      if (s.Status !== "ACTIVE" && s.Status !== "ACTIVATING" && s.Status !== "TERMINATING") continue;
      busy.add(s.InstanceId);
      live++;
      if (s.Status === "ACTIVATING") activating++;
      if (s.Status !== "ACTIVE") continue;
      active++;
      let here = 0;
      for (const id of s.playerSessionIds ?? []) {
        const p = cols.playerSessions.get(id);
        if (p?.Status === "RESERVED" || p?.Status === "ACTIVE") here++;
      }
      players += here;
      if (s.PlayerSessionCreationPolicy === "ACCEPT_ALL") openSeats += Math.max(0, s.MaximumPlayerSessionCount - here);
    }
    const slots = instances.length * perInstance;
    const available = Math.max(0, slots - live);
    const idle = instances.filter((i) => !busy.has(i.InstanceId)).length;
    const w = waiting.get(`${fleet.FleetId}/${loc.Location}`);
    out.set(loc.Location, {
      ActivatingGameSessions: activating,
      ActiveGameSessions: active,
      ActiveInstances: instances.length,
      AvailableGameSessions: available,
      AvailablePlayerSessions: openSeats,
      CurrentPlayerSessions: players,
      IdleInstances: idle,
      PercentAvailableGameSessions: slots === 0 ? 0 : (100 * available) / slots,
      PercentIdleInstances: instances.length === 0 ? 0 : (100 * idle) / instances.length,
      QueueDepth: w?.count ?? 0,
      WaitTime: w ? Math.max(0, (now - w.oldest) / 1000) : 0,
      ConcurrentActivatableGameSessions: available,
    });
  }
  return out;
}

const clamp = (n: number, loc: LocationCapacity): number => Math.min(loc.Maximum, Math.max(loc.Minimum, n));

/**
 * The desired count a target-based policy asks for: enough server processes that the share of
 * available game sessions is the target, counting live game sessions and the placements waiting
 * on this location as demand (with no capacity there is no percentage to track).
 */
function targetDesired(policy: ScalingPolicyRecord, m: LocationMetrics, perInstance: number): number {
  const target = Math.min(99, Math.max(0, policy.TargetConfiguration?.TargetValue ?? 0));
  const demand = m.ActiveGameSessions + m.ActivatingGameSessions + m.QueueDepth;
  return Math.ceil(Math.ceil(demand / (1 - target / 100)) / perInstance);
}

function holds(policy: ScalingPolicyRecord, value: number): boolean {
  const t = policy.Threshold ?? 0;
  switch (policy.ComparisonOperator) {
    case "GreaterThanOrEqualToThreshold":
      return value >= t;
    case "GreaterThanThreshold":
      return value > t;
    case "LessThanThreshold":
      return value < t;
    case "LessThanOrEqualToThreshold":
      return value <= t;
    default:
      return false;
  }
}

/** A rule-based policy's new desired count, or `undefined` while its condition has not held long enough. */
function ruleDesired(
  policy: ScalingPolicyRecord,
  location: string,
  value: number,
  desired: number,
): number | undefined {
  const n = holds(policy, value) ? (policy.breaches[location] ?? 0) + 1 : 0;
  policy.breaches[location] = n;
  if (n < (policy.EvaluationPeriods ?? 1)) return undefined;
  policy.breaches[location] = 0;
  const adj = policy.ScalingAdjustment ?? 0;
  switch (policy.ScalingAdjustmentType) {
    case "ExactCapacity":
      return adj;
    case "PercentChangeInCapacity": {
      const change = (desired * adj) / 100;
      return desired + (adj === 0 ? 0 : Math.sign(change) * Math.max(1, Math.round(Math.abs(change))));
    }
    default:
      return desired + adj;
  }
}

function setDesired(
  ctx: EmulatorContext,
  fleet: FleetRecord,
  loc: LocationCapacity,
  desired: number,
  why: string,
): void {
  if (desired === loc.Desired) return;
  const from = loc.Desired;
  loc.Desired = desired;
  recordFleetEvent(
    ctx,
    fleet.FleetId,
    "FLEET_SCALING_EVENT",
    `Desired instances in ${loc.Location} changed from ${from} to ${desired} (${why}).`,
  );
}

/** SCALE_TO_AND_FROM_ZERO: MinSize goes 0 ↔ 1 with game session activity (waiting placements count). */
function manageZeroCapacity(ctx: EmulatorContext, fleet: FleetRecord, loc: LocationCapacity, m: LocationMetrics): void {
  const config = loc.ManagedCapacityConfiguration;
  if (config?.ZeroCapacityStrategy !== "SCALE_TO_AND_FROM_ZERO") return;
  const now = ctx.clock.now();
  const active = m.ActiveGameSessions + m.ActivatingGameSessions + m.QueueDepth > 0;
  if (active) {
    loc.lastActivity = now;
    if (loc.Minimum === 0 && loc.Maximum >= 1) loc.Minimum = 1;
    if (loc.Desired === 0 && loc.Maximum >= 1)
      setDesired(ctx, fleet, loc, 1, "scale out from zero: a game session was requested");
    return;
  }
  loc.lastActivity ??= now;
  const idleMs = (config.ScaleInAfterInactivityMinutes ?? defaultScaleInAfterInactivityMinutes) * 60_000;
  if (now - loc.lastActivity >= idleMs && (loc.Desired > 0 || loc.Minimum > 0)) {
    loc.Minimum = 0;
    setDesired(ctx, fleet, loc, 0, `scale in to zero: no game session activity for ${idleMs / 60_000} min`);
  }
}

/**
 * Fleet auto-scaling: every tick, managed capacity (scale to and from zero); every
 * `scalingIntervalMs`, each ACTIVE fleet location's scaling policies (unless AUTO_SCALING is
 * stopped there), within its MinSize and MaxSize. The fleet engine then adds instances (PENDING for
 * the scale-out delay) or removes idle ones.
 */
export const scalingEngine: Engine = {
  tick(ctx) {
    const cols = collections(ctx.store);
    const now = ctx.clock.now();
    const evaluated = cols.scalingEvaluatedAt;
    const interval = settingsOf(ctx).scalingIntervalMs;
    const policies = cols.scalingPolicies.values();
    let waiting: Map<string, { count: number; oldest: number }> | undefined;
    for (const fleet of cols.fleets.each()) {
      if (fleet.Status !== "ACTIVE" || fleet.ComputeType !== "EC2") continue;
      const mine = policies.filter((p) => p.FleetId === fleet.FleetId);
      const managed = fleet.locations.some(
        (l) => l.ManagedCapacityConfiguration?.ZeroCapacityStrategy === "SCALE_TO_AND_FROM_ZERO",
      );
      const due = mine.length > 0 && now - (evaluated.get(fleet.FleetId) ?? -Infinity) >= interval;
      if (!managed && !due) continue;
      waiting ??= waitingPlacements(ctx);
      const metrics = fleetMetrics(ctx, fleet, waiting);
      for (const loc of fleet.locations) {
        const m = metrics.get(loc.Location);
        if (!m || loc.Status !== "ACTIVE") continue;
        manageZeroCapacity(ctx, fleet, loc, m);
        if (!due || loc.StoppedActions?.includes("AUTO_SCALING")) continue;
        let desired = loc.Desired;
        let why = "";
        for (const policy of mine) {
          const next =
            policy.PolicyType === "TargetBased"
              ? targetDesired(policy, m, processesPerInstance(fleet))
              : ruleDesired(policy, loc.Location, m[policy.MetricName], desired);
          if (next === undefined) continue;
          desired = next;
          why = `scaling policy ${policy.Name}, ${policy.MetricName} ${Math.round(m[policy.MetricName] * 10) / 10}`;
        }
        setDesired(ctx, fleet, loc, clamp(desired, loc), why);
      }
      if (due) evaluated.put(fleet.FleetId, now);
    }
  },
};
