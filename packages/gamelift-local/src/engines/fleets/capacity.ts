import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";
import type { FleetRecord, GameSessionRecord, InstanceRecord } from "../state/records.js";

/** The address every emulated instance has. */
export const localIpAddress = "127.0.0.1";

/** Game sessions that hold a server process. */
export function isLiveSession(s: GameSessionRecord): boolean {
  return s.Status === "ACTIVATING" || s.Status === "ACTIVE" || s.Status === "TERMINATING";
}

/** Server processes (= game session slots) per instance: Σ ConcurrentExecutions, at least 1. */
export function processesPerInstance(fleet: FleetRecord): number {
  const procs = fleet.RuntimeConfiguration.ServerProcesses ?? [];
  return Math.max(
    1,
    procs.reduce((n, p) => n + p.ConcurrentExecutions, 0),
  );
}

/** Live game sessions per instance id. */
function sessionsByInstance(ctx: EmulatorContext, fleetId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of collections(ctx.store).gameSessions.each()) {
    if (s.FleetId === fleetId && isLiveSession(s)) counts.set(s.InstanceId, (counts.get(s.InstanceId) ?? 0) + 1);
  }
  return counts;
}

/** ACTIVE instances of a fleet, optionally in one location. */
export function activeInstances(ctx: EmulatorContext, fleetId: string, location?: string): InstanceRecord[] {
  return collections(ctx.store)
    .instances.values()
    .filter(
      (i) => i.FleetId === fleetId && i.Status === "ACTIVE" && (location === undefined || i.Location === location),
    );
}

/** An ACTIVE instance of the fleet location with an idle server process, or `undefined` when full. */
export function findFreeInstance(
  ctx: EmulatorContext,
  fleet: FleetRecord,
  location: string,
): InstanceRecord | undefined {
  if (fleet.Status !== "ACTIVE" || fleet.locations.find((l) => l.Location === location)?.Status !== "ACTIVE")
    return undefined;
  const candidates = activeInstances(ctx, fleet.FleetId, location);
  if (candidates.length === 0) return undefined;
  const used = sessionsByInstance(ctx, fleet.FleetId);
  const slots = processesPerInstance(fleet);
  return candidates.find((i) => (used.get(i.InstanceId) ?? 0) < slots);
}

/** Utilization numbers of a fleet location, as in DescribeFleetUtilization. */
export interface Utilization {
  ActiveServerProcessCount: number;
  ActiveGameSessionCount: number;
  CurrentPlayerSessionCount: number;
  MaximumPlayerSessionCount: number;
}

/** Process, session and player counts of a fleet (all locations, or one). */
export function utilizationOf(ctx: EmulatorContext, fleet: FleetRecord, location?: string): Utilization {
  const cols = collections(ctx.store);
  const sessions = cols.gameSessions
    .values()
    .filter(
      (s) =>
        s.FleetId === fleet.FleetId && s.Status === "ACTIVE" && (location === undefined || s.Location === location),
    );
  const ids = new Set(sessions.map((s) => s.GameSessionId));
  const players = cols.playerSessions
    .values()
    .filter((p) => ids.has(p.GameSessionId) && (p.Status === "RESERVED" || p.Status === "ACTIVE")).length;
  return {
    ActiveServerProcessCount: activeInstances(ctx, fleet.FleetId, location).length * processesPerInstance(fleet),
    ActiveGameSessionCount: sessions.length,
    CurrentPlayerSessionCount: players,
    MaximumPlayerSessionCount: sessions.reduce((n, s) => n + s.MaximumPlayerSessionCount, 0),
  };
}

/**
 * A port for a new game session: the lowest one in the fleet's inbound permissions (22 and 3389
 * excepted) that no live session on this host uses; 7777 upwards when the fleet opens none.
 * With n live sessions the answer is among the first n + 1 candidate ports, so one pass marks
 * the taken candidates in a bitmap of that size (no hashing per session; this runs per placement).
 */
export function allocatePort(ctx: EmulatorContext, fleet: FleetRecord): number {
  const ranges: [number, number][] = fleet.InboundPermissions.map((p) => [p.FromPort, p.ToPort]);
  const live: number[] = [];
  for (const s of collections(ctx.store).gameSessions.each()) if (isLiveSession(s)) live.push(s.Port);
  // Candidate ports in preference order, at most live.length + 1 of them.
  const candidates: number[] = [];
  for (const [from, to] of ranges) {
    for (let port = from; port <= to && candidates.length <= live.length; port++)
      if (port !== 22 && port !== 3389) candidates.push(port);
  }
  if (candidates.length > 0) {
    const index = new Map<number, number>();
    if (candidates.length <= live.length) {
      // Fewer candidates than sessions: look each one up directly.
      const used = new Set(live);
      const free = candidates.find((port) => !used.has(port));
      if (free !== undefined) return free;
    } else {
      for (const [i, port] of candidates.entries()) index.set(port, i);
      const taken = new Uint8Array(candidates.length);
      for (const port of live) {
        const i = index.get(port);
        if (i !== undefined) taken[i] = 1;
      }
      const i = taken.indexOf(0);
      if (i !== -1) return candidates[i] ?? 7777;
    }
  }
  const fallback = new Uint8Array(live.length + 1);
  for (const port of live) if (port >= 7777 && port - 7777 < fallback.length) fallback[port - 7777] = 1;
  const free = fallback.indexOf(0);
  return Math.min(7777 + (free === -1 ? fallback.length : free), 60000);
}
